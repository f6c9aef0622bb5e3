using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Export;

/// <summary>One of the caller's exports; anyone else's is a 404.</summary>
public sealed record GetExportQuery(long Id) : IQuery<Result<ExportJobDto>>;

public sealed class GetExportHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetExportQuery, Result<ExportJobDto>>
{
    public async ValueTask<Result<ExportJobDto>> Handle(GetExportQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersExport))
            return ExportErrors.Forbidden();
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == query.Id && j.StaffId == user.StaffId, ct);
        return job is null ? ExportErrors.NotFound() : ExportJobDto.From(job);
    }
}
