using Crm.Api.Common.Paging;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Integration;

/// <summary>A third-party system's access to the API. The secret is never shown again after create or rotate.</summary>
/// <param name="ClientId">The public identifier for the token endpoint (<c>client_id</c>).</param>
/// <param name="Scopes">OAuth scopes the client may ask for, e.g. <c>customers:read</c>.</param>
/// <param name="DataScope">How far its permissions reach over customers: Own, Unit, UnitSubtree or All.</param>
/// <param name="StaffId">The technical staff record the client acts as: history and the read log name it.</param>
/// <param name="LastUsedAt">When the client last obtained an access token.</param>
public sealed record ApiClientDto(
    long Id,
    string Name,
    string ClientId,
    IReadOnlyList<string> Scopes,
    DataScope DataScope,
    long UnitId,
    string UnitName,
    long StaffId,
    long RoleId,
    bool IsEnabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset SecretRotatedAt,
    DateTimeOffset? LastUsedAt,
    int Version);

/// <summary>A client with its secret, answered once by create and by rotate-secret.</summary>
/// <param name="ClientSecret">Shown only now; store it in the client system's secret store. Only a hash is kept.</param>
public sealed record ApiClientWithSecret(ApiClientDto Client, string ClientSecret);

/// <summary>An OAuth scope a client can hold and what it lends.</summary>
public sealed record ApiScopeDto(string Scope, string Description, IReadOnlyList<string> Permissions);

internal static class ApiClientReader
{
    /// <summary>One page of the clients in registration order.</summary>
    public static async Task<Paged<ApiClientDto>> PageAsync(CrmDbContext db, int page, int pageSize, CancellationToken ct)
    {
        var total = await db.ApiClients.CountAsync(ct);
        var rows = await WithUnit(db, db.ApiClients.AsNoTracking().OrderBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Paged<ApiClientDto>(rows.Select(x => ToDto(x.Client, x.UnitName)).ToList(), page, pageSize, total, false);
    }

    public static async Task<ApiClientDto?> ReadAsync(CrmDbContext db, long id, CancellationToken ct) =>
        (await WithUnit(db, db.ApiClients.AsNoTracking().Where(c => c.Id == id)).ToListAsync(ct)).Select(x => ToDto(x.Client, x.UnitName)).SingleOrDefault();

    private sealed record ClientWithUnit(ApiClient Client, string UnitName);

    private static IQueryable<ClientWithUnit> WithUnit(CrmDbContext db, IQueryable<ApiClient> clients) =>
        clients.Join(db.OrgUnits, c => c.UnitId, u => u.Id, (c, u) => new ClientWithUnit(c, u.Name));

    private static ApiClientDto ToDto(ApiClient c, string unitName) =>
        new(c.Id, c.Name, c.ClientId, c.ScopeList, c.DataScope, c.UnitId, unitName, c.StaffId, c.RoleId, c.IsEnabled, c.CreatedAt,
            c.SecretRotatedAt, c.LastUsedAt, c.Version);
}
