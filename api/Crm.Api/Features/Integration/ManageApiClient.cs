using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Integration;

/// <summary>A new secret; the old one stops working at once, and so do the access tokens issued with it.</summary>
public sealed record RotateApiClientSecretCommand(long Id) : ICommand<Result<ApiClientWithSecret>>;

public sealed class RotateApiClientSecretHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : ICommandHandler<RotateApiClientSecretCommand, Result<ApiClientWithSecret>>
{
    public async ValueTask<Result<ApiClientWithSecret>> Handle(RotateApiClientSecretCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.IntegrationClients))
            return Error.Forbidden("需要第三方接入管理权限（integration.clients）。");
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == command.Id, ct);
        if (client is null)
            return Error.NotFound("API 客户端");
        var staff = await db.Staff.SingleAsync(s => s.Id == client.StaffId, ct);
        var secret = ApiClient.NewSecret();
        client.RotateSecret(ApiClient.HashSecret(secret), clock.GetUtcNow());
        // A rotation answers a leaked secret: the new security stamp also refuses the tokens already issued.
        staff.SetPasswordHash(string.Empty);
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return new ApiClientWithSecret((await ApiClientReader.ReadAsync(db, client.Id, ct))!, secret);
    }
}

/// <summary>Disabling stops token issue and every token already issued; enabling lets the client ask for tokens again.</summary>
public sealed record SetApiClientEnabledCommand(long Id, bool Enabled) : ICommand<Result<ApiClientDto>>;

public sealed class SetApiClientEnabledHandler(CrmDbContext db, UserContext users) : ICommandHandler<SetApiClientEnabledCommand, Result<ApiClientDto>>
{
    public async ValueTask<Result<ApiClientDto>> Handle(SetApiClientEnabledCommand command, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.IntegrationClients))
            return Error.Forbidden("需要第三方接入管理权限（integration.clients）。");
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.Id == command.Id, ct);
        if (client is null)
            return Error.NotFound("API 客户端");
        if (client.IsEnabled == command.Enabled)
            return Error.Conflict(command.Enabled ? "alreadyEnabled" : "alreadyDisabled", command.Enabled ? "该客户端已启用。" : "该客户端已停用。");
        var staff = await db.Staff.SingleAsync(s => s.Id == client.StaffId, ct);
        if (command.Enabled)
        {
            client.Enable();
            if (!staff.IsActive)
                staff.Enable();
        }
        else
        {
            client.Disable();
            if (staff.IsActive)
                staff.Disable();
        }
        db.MarkAccessChanged();
        await db.SaveChangesAsync(ct);
        return (await ApiClientReader.ReadAsync(db, client.Id, ct))!;
    }
}
