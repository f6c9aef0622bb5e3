using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Imports;

/// <summary>A page of an import's row errors, in row order.</summary>
public sealed record ListImportErrorsQuery(long Id, int Page, int PageSize) : IPageRequest, IQuery<Result<Paged<ImportRowErrorDto>>>;

public sealed class ListImportErrorsValidator : AbstractValidator<ListImportErrorsQuery>
{
    public ListImportErrorsValidator() => Include(new PageRequestRules<ListImportErrorsQuery>(capped: false));
}

public sealed class ListImportErrorsHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListImportErrorsQuery, Result<Paged<ImportRowErrorDto>>>
{
    public async ValueTask<Result<Paged<ImportRowErrorDto>>> Handle(ListImportErrorsQuery query, CancellationToken ct)
    {
        if (!await ImportAccess.Readable(db, users.User).AnyAsync(j => j.Id == query.Id, ct))
            return ImportErrors.NotFound();
        var errors = db.ImportRowErrors.AsNoTracking().Where(e => e.ImportJobId == query.Id);
        var total = await errors.CountAsync(ct);
        var items = await errors.OrderBy(e => e.Row).ThenBy(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(e => new ImportRowErrorDto(e.Row, e.Field, e.Message))
            .ToListAsync(ct);
        return new Paged<ImportRowErrorDto>(items, query.Page, query.PageSize, total, false);
    }
}
