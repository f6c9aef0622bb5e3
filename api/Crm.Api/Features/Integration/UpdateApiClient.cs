using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using Crm.Api.Domain.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Integration;

/// <summary>A client's name, scopes and data scope (If-Match required).</summary>
/// <param name="UnitId">The unit it belongs to (reach of Unit and UnitSubtree).</param>
public sealed record UpdateApiClientRequest(string Name, IReadOnlyList<string> Scopes, DataScope DataScope, long UnitId);

public sealed record UpdateApiClientCommand(long Id, string Name, IReadOnlyList<string> Scopes, DataScope DataScope, long UnitId, int? ExpectedVersion)
    : ICommand<Result<ApiClientDto>>;

public sealed class UpdateApiClientValidator : AbstractValidator<UpdateApiClientCommand>
{
    public UpdateApiClientValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(80);
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("至少需要一个授权范围。");
        RuleForEach(c => c.Scopes).Must(ApiScopes.IsKnown).WithMessage("未知的授权范围：{PropertyValue}。");
        RuleFor(c => c.DataScope).IsInEnum();
        RuleFor(c => c.UnitId).GreaterThan(0);
    }
}

/// <summary>Changes apply on the client's next request: its role's grants follow, and the access stamp moves.</summary>
public sealed class UpdateApiClientHandler(CrmDbContext db, UserContext users) : ICommandHandler<UpdateApiClientCommand, Result<ApiClientDto>>
{
    public async ValueTask<Result<ApiClientDto>> Handle(UpdateApiClientCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.IntegrationClients))
            return Error.Forbidden("需要第三方接入管理权限（integration.clients）。");
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == command.Id, ct);
        if (client is null)
            return Error.NotFound("API 客户端");
        if (Preconditions.Check(command.ExpectedVersion, client.Version) is { } stale)
            return stale;
        if (!await db.OrgUnits.AnyAsync(u => u.Id == command.UnitId && u.IsActive, ct))
            return Error.Field("unitId", "所属单元不存在或已停用。");

        var name = command.Name.Trim();
        var displayName = ApiClientIdentity.DisplayName(name);
        var role = await db.Roles.Include(r => r.Permissions).SingleAsync(r => r.Id == client.RoleId, ct);
        var staff = await db.Staff.SingleAsync(s => s.Id == client.StaffId, ct);
        client.Update(name, command.Scopes, command.DataScope, command.UnitId, client.IsEnabled);
        role.Update(displayName, role.Description, ApiScopes.GrantsFor(command.Scopes, command.DataScope));
        staff.Update(displayName, command.UnitId, Positions.None, email: null, phone: null);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return (await ApiClientReader.ReadAsync(db, client.Id, ct))!;
    }
}
