using Crm.Api.Common.Errors;
using Crm.Api.Common.Files;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Kpi;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Kpi;

public sealed record ExportKpiLedgerQuery(string Month, long? UnitId, long? StaffId, string? Rule, KpiEntryKind? Kind, string? Format)
    : IQuery<Result<TableFile>>;

/// <summary>A month's whole ledger as CSV or XLSX: the same entries, filters and reach as GET /api/v1/kpi/periods/{month}, unpaged.</summary>
public sealed class ExportKpiLedgerHandler(CrmDbContext db, UserContext users) : IQueryHandler<ExportKpiLedgerQuery, Result<TableFile>>
{
    private static readonly string[] Headers = ["月份", "类型", "规则", "单位", "人员", "扣分", "金额（元）", "依据", "原因", "批准人", "登记人", "登记时间"];

    public async ValueTask<Result<TableFile>> Handle(ExportKpiLedgerQuery query, CancellationToken ct)
    {
        if (!TableFiles.TryParse(query.Format ?? "csv", out var format))
            return Error.Field("format", "格式只能是 csv 或 xlsx。");
        var found = await KpiLedger.FindAsync(db, users.User, query.Month, ct);
        if (found.Error is { } error)
            return error;
        var (period, reach) = found.Value!;
        var entries = await KpiLedger.Entries(db, period, reach, query.UnitId, query.StaffId, query.Rule, query.Kind).ToListAsync(ct);
        var rows = (await KpiAccess.ToDtosAsync(db, entries, ct)).Select(e => (IReadOnlyList<object?>)
        [
            e.Month, e.Kind.ToString(), e.Rule, e.Unit.Name, e.Staff?.Name ?? "", e.Points, e.Amount, string.Join(" ", e.Evidence), e.Reason ?? "",
            e.ApprovedBy?.Name ?? "", e.CreatedBy.Name, e.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ]).ToList();
        return await TableFiles.WriteAsync(format, $"kpi-{query.Month}", "考核台账", Headers, rows, ct);
    }
}
