using Crm.Api.Common.Errors;
using Crm.Api.Common.Paging;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using FluentValidation;
using Mediator;

namespace Crm.Api.Features.Integration;

public sealed record ListApiClientsQuery(int Page = 1, int PageSize = PageLimits.DefaultPageSize) : IPageRequest, IQuery<Result<Paged<ApiClientDto>>>;

public sealed class ListApiClientsValidator : AbstractValidator<ListApiClientsQuery>
{
    public ListApiClientsValidator()
    {
        Include(new PageRequestRules<ListApiClientsQuery>(capped: false));
    }
}

public sealed class ListApiClientsHandler(CrmDbContext db, UserContext users) : IQueryHandler<ListApiClientsQuery, Result<Paged<ApiClientDto>>>
{
    public async ValueTask<Result<Paged<ApiClientDto>>> Handle(ListApiClientsQuery query, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.IntegrationClients))
            return Error.Forbidden("需要第三方接入管理权限（integration.clients）。");
        return await ApiClientReader.PageAsync(db, query.Page, query.PageSize, ct);
    }
}

public sealed record GetApiClientQuery(long Id) : IQuery<Result<ApiClientDto>>;

public sealed class GetApiClientHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetApiClientQuery, Result<ApiClientDto>>
{
    public async ValueTask<Result<ApiClientDto>> Handle(GetApiClientQuery query, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.IntegrationClients))
            return Error.Forbidden("需要第三方接入管理权限（integration.clients）。");
        return await ApiClientReader.ReadAsync(db, query.Id, ct) is { } client ? client : Error.NotFound("API 客户端");
    }
}

public sealed record ListApiScopesQuery : IQuery<IReadOnlyList<ApiScopeDto>>;

public sealed class ListApiScopesHandler : IQueryHandler<ListApiScopesQuery, IReadOnlyList<ApiScopeDto>>
{
    public ValueTask<IReadOnlyList<ApiScopeDto>> Handle(ListApiScopesQuery query, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<ApiScopeDto>>(ApiScopes.Catalogue
            .Select(s => new ApiScopeDto(s.Key, s.Value, ApiScopes.PermissionsFor([s.Key]).Order(StringComparer.Ordinal).ToList())).ToList());
}
