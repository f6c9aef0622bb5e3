using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Imports;

/// <summary>The caller's imports, newest first (the latest 100).</summary>
public sealed record ListImportsQuery : IQuery<Result<IReadOnlyList<ImportJobDto>>>;

public sealed class ListImportsHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : IQueryHandler<ListImportsQuery, Result<IReadOnlyList<ImportJobDto>>>
{
    private const int Latest = 100;

    public async ValueTask<Result<IReadOnlyList<ImportJobDto>>> Handle(ListImportsQuery query, CancellationToken ct)
    {
        var user = users.User;
        var jobs = await db.ImportJobs.AsNoTracking().Where(j => j.StaffId == user.StaffId).OrderByDescending(j => j.Id).Take(Latest).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return jobs.Select(j => ImportJobDto.From(j, now)).ToList();
    }
}
