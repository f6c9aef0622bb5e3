using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using Crm.Api.Domain.Org;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Integration;

/// <summary>A new API client.</summary>
/// <param name="Name" example="ERP 系统">Who the client is, for administrators and in history (API 客户端：…).</param>
/// <param name="Scopes">OAuth scopes it may ask for (GET /api/v1/integration/scopes lists them).</param>
/// <param name="DataScope">How far its permissions reach over customers, as a role's: Own, Unit, UnitSubtree or All.</param>
/// <param name="UnitId">The unit it belongs to (reach of Unit and UnitSubtree); the top unit when omitted.</param>
public sealed record CreateApiClientRequest(string Name, IReadOnlyList<string> Scopes, DataScope DataScope, long? UnitId);

public sealed record CreateApiClientCommand(string Name, IReadOnlyList<string> Scopes, DataScope DataScope, long? UnitId)
    : ICommand<Result<ApiClientWithSecret>>;

public sealed class CreateApiClientValidator : AbstractValidator<CreateApiClientCommand>
{
    public CreateApiClientValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(80);
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("至少需要一个授权范围。");
        RuleForEach(c => c.Scopes).Must(ApiScopes.IsKnown).WithMessage("未知的授权范围：{PropertyValue}。");
        RuleFor(c => c.DataScope).IsInEnum();
        RuleFor(c => c.UnitId).GreaterThan(0).When(c => c.UnitId is not null);
    }
}

public sealed class CreateApiClientHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : ICommandHandler<CreateApiClientCommand, Result<ApiClientWithSecret>>
{
    public async ValueTask<Result<ApiClientWithSecret>> Handle(CreateApiClientCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.IntegrationClients))
            return Error.Forbidden("需要第三方接入管理权限（integration.clients）。");
        var unitId = command.UnitId
                     ?? await db.OrgUnits.Where(u => u.ParentId == null && u.IsActive).OrderBy(u => u.Id).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        if (unitId is null || !await db.OrgUnits.AnyAsync(u => u.Id == unitId && u.IsActive, ct))
            return Error.Field("unitId", "所属单元不存在或已停用。");

        var now = clock.GetUtcNow();
        var clientId = ApiClient.NewClientId();
        var secret = ApiClient.NewSecret();
        var name = command.Name.Trim();
        var displayName = ApiClientIdentity.DisplayName(name);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var role = new Role(ApiClient.RoleCodeFor(clientId), displayName, $"API 客户端 {clientId} 的专用角色：权限随其授权范围和数据范围。",
            isBuiltIn: false, ApiScopes.GrantsFor(command.Scopes, command.DataScope));
        // The technical identity never signs in with a password: its hash stays empty, which no password matches.
        var staff = new Staff(clientId, displayName, unitId.Value, Positions.None, email: null, phone: null);
        db.Roles.Add(role);
        db.Staff.Add(staff);
        await db.SaveChangesAsync(ct);
        staff.AssignRoles([role.Id]);
        var client = new ApiClient(name, clientId, ApiClient.HashSecret(secret), command.Scopes, command.DataScope, unitId.Value, staff.Id, role.Id,
            users.User.StaffId, now);
        db.ApiClients.Add(client);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        return new ApiClientWithSecret((await ApiClientReader.ReadAsync(db, client.Id, ct))!, secret);
    }
}

internal static class ApiClientIdentity
{
    public static string DisplayName(string clientName) => "API 客户端：" + clientName;
}
