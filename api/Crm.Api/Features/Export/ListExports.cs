using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Export;

/// <summary>The caller's exports within the retention period, newest first.</summary>
public sealed record ListExportsQuery : IQuery<Result<IReadOnlyList<ExportJobDto>>>;

public sealed class ListExportsHandler(CrmDbContext db, UserContext users, TimeProvider clock, IOptions<ExportOptions> options)
    : IQueryHandler<ListExportsQuery, Result<IReadOnlyList<ExportJobDto>>>
{
    private const int Limit = 50;

    public async ValueTask<Result<IReadOnlyList<ExportJobDto>>> Handle(ListExportsQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersExport))
            return ExportErrors.Forbidden();
        var since = clock.GetUtcNow().AddHours(-options.Value.RetentionHours);
        var jobs = await db.ExportJobs.AsNoTracking()
            .Where(j => j.StaffId == user.StaffId && j.CreatedAt >= since)
            .OrderByDescending(j => j.Id)
            .Take(Limit)
            .ToListAsync(ct);
        return jobs.Select(ExportJobDto.From).ToList();
    }
}
