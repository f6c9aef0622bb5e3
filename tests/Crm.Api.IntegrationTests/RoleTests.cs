using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Features.Access;
using Crm.Api.Features.Auth;
using Crm.Api.IntegrationTests.Infrastructure;
using static Crm.Api.IntegrationTests.Infrastructure.ProblemAssertions;

namespace Crm.Api.IntegrationTests;

/// <summary>Roles × permissions × scope, administered at run time (issue 4, point 1).</summary>
public abstract class RoleTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task The_catalogue_and_the_built_in_roles_reproduce_the_policy()
    {
        var client = await Api.As("east.sales1");
        var permissions = JsonNode.Parse(await client.GetStringAsync("/api/v1/access/permissions"))!.AsArray()
            .Select(p => p!["code"]!.GetValue<string>()).ToList();
        permissions.ShouldContain("customers.readSensitive");
        permissions.ShouldContain("access.approve");
        permissions.ShouldContain("admin.calendar");

        var roles = (await (await client.GetAsync("/api/v1/access/roles")).Read<List<RoleDto>>()).ToDictionary(r => r.Code);
        roles.Keys.ShouldBe(["employee", "leadership", "customer-management", "unit-manager", "account-manager", "customer-service", "administrator"], ignoreOrder: true);
        roles.Values.ShouldAllBe(r => r.IsBuiltIn);
        Scope(roles["leadership"], "customers.read").ShouldBe("All");
        Scope(roles["unit-manager"], "customers.read").ShouldBe("UnitSubtree");
        Scope(roles["unit-manager"], "access.approve").ShouldBe("UnitSubtree");
        Scope(roles["account-manager"], "customers.read").ShouldBe("Own");
        roles["leadership"].HolderCount.ShouldBe(2);

        var gm = await (await (await Api.As("gm")).GetAsync("/api/v1/me")).Read<MeResponse>();
        gm.Roles.ShouldBe(["employee", "leadership"]);
        gm.PermissionScopes["customers.read"].ToString().ShouldBe("All");
    }

    [Fact]
    public async Task A_new_role_given_to_a_salesperson_opens_every_archive_on_their_next_request_and_closes_it_when_taken_away()
    {
        var admin = await Api.As("admin");
        var southCustomer = (await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("角色测试"))))["id"]!.GetValue<long>();
        var reader = await Api.As("east.sales2");
        (await reader.GetAsync($"/api/v1/customers/{southCustomer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A role of its own (查阅全部档案), added to the person's roles and taken away again by the helper.
        await using (await admin.GrantExtraRole("east.sales2", ("customers.read", "All"), ("access.auditLog", "All")))
            (await reader.GetAsync($"/api/v1/customers/{southCustomer}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.GetAsync($"/api/v1/customers/{southCustomer}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Two_administrators_changing_access_at_once_both_succeed()
    {
        var admin = await Api.As("admin");
        var eastUnit = await admin.UnitId("EAST");
        var codes = new[] { "a", "b" }.Select(x => "par-" + x + Guid.NewGuid().ToString("N")[..6]).ToArray();

        var results = await Task.WhenAll(codes.Select(code => admin.PostJson("/api/v1/org/units",
            new { name = "并行" + code, code, kind = "Sales", parentId = eastUnit })));

        results.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        var listed = JsonNode.Parse(await admin.GetStringAsync("/api/v1/org/units"))!.AsArray().Select(u => u!["code"]!.GetValue<string>());
        listed.ShouldContain(codes[0]);
        listed.ShouldContain(codes[1]);
    }

    [Fact]
    public async Task Editing_a_roles_scope_applies_to_every_holder_on_their_next_request()
    {
        var admin = await Api.As("admin");
        var sales = await Api.As("east.sales1");
        var own = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("范围测试"))))["id"]!.GetValue<long>();
        var role = (await (await admin.GetAsync("/api/v1/access/roles")).Read<List<RoleDto>>()).Single(r => r.Code == "account-manager");
        var employee = (await (await admin.GetAsync("/api/v1/access/roles")).Read<List<RoleDto>>()).Single(r => r.Code == "employee");
        var employeeGrants = employee.Grants;

        // Without customers.write the salesperson still reads (employee role) but may not change the archive.
        var narrowed = await admin.PutJson($"/api/v1/access/roles/{role.Id}",
            new { name = role.Name, description = role.Description, grants = role.Grants.Where(g => g.Permission != "customers.write") }, $"\"{role.Version}\"");
        narrowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            (await sales.GetAsync($"/api/v1/customers/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await sales.PostJson($"/api/v1/customers/{own}/key-persons", new { name = "张三", level = "KeyStaff" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            var current = await narrowed.Read<RoleDto>();
            (await admin.PutJson($"/api/v1/access/roles/{role.Id}", new { name = role.Name, description = role.Description, grants = role.Grants },
                $"\"{current.Version}\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await sales.PostJson($"/api/v1/customers/{own}/key-persons", new { name = "张三", level = "KeyStaff" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        employeeGrants.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_last_administrator_cannot_lose_admin_roles_by_any_path()
    {
        var admin = await Api.As("admin");
        var adminId = await admin.StaffId("admin");
        var roles = await (await admin.GetAsync("/api/v1/access/roles")).Read<List<RoleDto>>();
        var administrator = roles.Single(r => r.Code == "administrator");
        var employee = roles.Single(r => r.Code == "employee");

        var demote = await admin.PutJson($"/api/v1/org/staff/{adminId}/roles", new { roleIds = new[] { employee.Id } }, null);
        demote.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await demote.Body())["code"]!.GetValue<string>().ShouldBe("lastAdministrator");

        var strip = await admin.PutJson($"/api/v1/access/roles/{administrator.Id}",
            new { name = administrator.Name, grants = administrator.Grants.Where(g => g.Permission != "admin.roles") }, $"\"{administrator.Version}\"");
        strip.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await admin.PostAsync($"/api/v1/org/staff/{adminId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await admin.GetAsync("/api/v1/me")).Read<MeResponse>()).Permissions.ShouldContain("admin.roles");
    }

    [Fact]
    public async Task Role_administration_is_refused_without_admin_roles_and_validates_its_input()
    {
        var manager = await Api.As("east.manager");
        (await manager.PostJson("/api/v1/access/roles", new { code = "x", name = "x", grants = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await Api.As("admin");
        var invalid = await admin.PostJson("/api/v1/access/roles", new { code = "Bad Code", name = "", grants = new[] { new { permission = "customers.fly", scope = "All" } } });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await invalid.Body();
        ShouldHaveFieldError(problem, "code");
        ShouldHaveFieldError(problem, "name");
        ShouldHaveFieldError(problem, "grants[0].permission");

        var roles = await (await admin.GetAsync("/api/v1/access/roles")).Read<List<RoleDto>>();
        var builtIn = roles.Single(r => r.Code == "customer-service");
        (await admin.PutJson($"/api/v1/access/roles/{builtIn.Id}", new { name = "x", grants = builtIn.Grants }, null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var delete = await admin.DeleteAsync($"/api/v1/access/roles/{builtIn.Id}");
        delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await delete.Body())["code"]!.GetValue<string>().ShouldBe("builtInRole");
        (await admin.DeleteAsync($"/api/v1/access/roles/{roles.Single(r => r.Code == "employee").Id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task New_staff_get_the_default_roles_of_their_positions()
    {
        var admin = await Api.As("admin");
        var eastUnit = await admin.UnitId("EAST");
        var response = await admin.PostJson("/api/v1/org/staff", new
        {
            username = "new." + Guid.NewGuid().ToString("N")[..6], displayName = "新员工", unitId = eastUnit, positions = new[] { "AccountManager" },
            password = "Welcome2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Body())["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["account-manager", "employee"]);
    }

    private static string Scope(RoleDto role, string permission) => role.Grants.Single(g => g.Permission == permission).Scope.ToString();
}

public sealed class RoleTests(SqliteApiFixture fixture) : RoleTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class RoleTestsOnSqlServer(SqlServerApiFixture fixture) : RoleTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
