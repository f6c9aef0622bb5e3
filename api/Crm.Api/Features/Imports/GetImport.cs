using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Imports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Imports;

/// <summary>One import; anyone else's is a 404 (administrators with admin.users see all).</summary>
public sealed record GetImportQuery(long Id) : IQuery<Result<ImportJobDto>>;

public sealed class GetImportHandler(CrmDbContext db, UserContext users, TimeProvider clock) : IQueryHandler<GetImportQuery, Result<ImportJobDto>>
{
    public async ValueTask<Result<ImportJobDto>> Handle(GetImportQuery query, CancellationToken ct)
    {
        var job = await ImportAccess.Readable(db, users.User).SingleOrDefaultAsync(j => j.Id == query.Id, ct);
        return job is null ? ImportErrors.NotFound() : ImportJobDto.From(job, clock.GetUtcNow());
    }
}

internal static class ImportAccess
{
    /// <summary>The imports a person may look at: their own; every one for user administrators.</summary>
    public static IQueryable<ImportJob> Readable(CrmDbContext db, CurrentUser user)
    {
        var jobs = db.ImportJobs.AsNoTracking();
        return user.Has(Permissions.AdminUsers) ? jobs : jobs.Where(j => j.StaffId == user.StaffId);
    }
}
