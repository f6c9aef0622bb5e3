using System.Net;
using System.Text.Json.Nodes;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>Roles given for one test and taken away again, through the administration endpoints.</summary>
public static class RoleApi
{
    /// <summary>
    /// Creates a role of <paramref name="grants"/> (permission, scope) and adds it to <paramref name="username"/>'s roles, as
    /// <paramref name="admin"/>; disposing the result restores the person's roles and deletes the role.
    /// </summary>
    public static async Task<IAsyncDisposable> GrantExtraRole(this HttpClient admin, string username, params (string Permission, string Scope)[] grants)
    {
        var created = await admin.PostJson("/api/v1/access/roles", new
        {
            code = "test-" + Guid.NewGuid().ToString("N")[..8], name = "测试角色", description = "一项测试临时授予",
            grants = grants.Select(g => new { permission = g.Permission, scope = g.Scope }).ToArray(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var roleId = (await created.Body())["id"]!.GetValue<long>();
        var staffId = await admin.StaffId(username);
        var roles = JsonNode.Parse(await admin.GetStringAsync("/api/v1/access/roles"))!.AsArray();
        var codes = (await (await admin.GetAsync($"/api/v1/org/staff/{staffId}")).Body())["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var original = roles.Where(r => codes.Contains(r!["code"]!.GetValue<string>())).Select(r => r!["id"]!.GetValue<long>()).ToList();
        await SetRoles(admin, staffId, original.Append(roleId));
        return new Revoke(async () =>
        {
            await SetRoles(admin, staffId, original);
            (await admin.DeleteAsync($"/api/v1/access/roles/{roleId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        });
    }

    private static async Task SetRoles(HttpClient admin, long staffId, IEnumerable<long> roleIds)
    {
        var response = await admin.PutJson($"/api/v1/org/staff/{staffId}/roles", new { roleIds }, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private sealed class Revoke(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }
}
