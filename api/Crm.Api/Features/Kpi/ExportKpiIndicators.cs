using Crm.Api.Common.Errors;
using Crm.Api.Common.Files;
using Mediator;

namespace Crm.Api.Features.Kpi;

public sealed record ExportKpiIndicatorsQuery(string? From, string? To, long? UnitId, string? Format) : IQuery<Result<TableFile>>;

/// <summary>The account-manager indicators as CSV or XLSX, over the same customers as GET /api/v1/kpi/indicators.</summary>
public sealed class ExportKpiIndicatorsHandler(IMediator mediator) : IQueryHandler<ExportKpiIndicatorsQuery, Result<TableFile>>
{
    private static readonly string[] Headers =
    [
        "客户经理", "单位", "客户数", "新增客户", "流失客户", "订单金额（元）", "采购月数", "升级", "降级", "投诉", "表扬", "期初客户数", "重点客户金额（元）",
        "上期重点客户金额（元）", "重点客户收入增长率", "新客户开发率", "客户流失率",
    ];

    public async ValueTask<Result<TableFile>> Handle(ExportKpiIndicatorsQuery query, CancellationToken ct)
    {
        if (!TableFiles.TryParse(query.Format ?? "csv", out var format))
            return Error.Field("format", "格式只能是 csv 或 xlsx。");
        var report = await mediator.Send(new GetIndicatorsQuery(query.From, query.To, query.UnitId), ct);
        if (report.Error is { } error)
            return error;
        var rows = report.Value!.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Staff.Name, r.UnitId, r.Customers, r.NewCustomers, r.LostCustomers, r.Spend, r.PurchaseMonths, r.Upgrades, r.Downgrades, r.Complaints,
            r.Praises, r.CustomersAtStart, r.KeyCustomerSpend, r.KeyCustomerSpendBefore, r.KeyCustomerRevenueGrowth, r.DevelopmentRate, r.ChurnRate,
        ]).ToList();
        return await TableFiles.WriteAsync(format, $"kpi-indicators-{report.Value.From}-{report.Value.To}", "客户经理指标", Headers, rows, ct);
    }
}
