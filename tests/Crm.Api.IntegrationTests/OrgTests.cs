using static Crm.Api.IntegrationTests.Infrastructure.ProblemAssertions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Api.Features.Auth;
using Crm.Api.Features.Org;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

public abstract class OrgTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task Units_list_the_demo_tree_depth_first_with_the_company_root_first()
    {
        var response = await (await Api.As("east.sales1")).GetAsync("/api/v1/org/units");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var units = await response.Read<List<OrgUnitDto>>();
        units.Count.ShouldBeGreaterThanOrEqualTo(6);
        var root = units[0];
        root.Name.ShouldBe("示例集团有限公司");
        root.Kind.ShouldBe(Crm.Api.Domain.Org.OrgUnitKind.Company);
        root.ParentId.ShouldBeNull();
        root.Depth.ShouldBe(0);
        root.Path.ShouldBe($"/{root.Id}/");
        units.Select(u => u.Kind).ShouldContain(Crm.Api.Domain.Org.OrgUnitKind.CustomerManagement);
        units.Select(u => u.Kind).ShouldContain(Crm.Api.Domain.Org.OrgUnitKind.Sales);
        units.Select(u => u.Kind).ShouldContain(Crm.Api.Domain.Org.OrgUnitKind.Service);
        units.Single(u => u.Name == "华东营销部").Code.ShouldBe("EAST");

        var byId = units.ToDictionary(u => u.Id);
        for (var i = 1; i < units.Count; i++)
        {
            var unit = units[i];
            unit.ParentId.ShouldNotBeNull(unit.Name);
            var parent = byId[unit.ParentId!.Value];
            units.IndexOf(parent).ShouldBeLessThan(i, $"{unit.Name} is listed before its parent");
            unit.Depth.ShouldBe(parent.Depth + 1, unit.Name);
            unit.Path.ShouldBe($"{parent.Path}{unit.Id}/", unit.Name);
        }
    }

    [Fact]
    public async Task Staff_list_pages_and_filters_by_name_and_unit()
    {
        var client = await Api.As("east.manager");

        var page1 = await (await client.GetAsync("/api/v1/org/staff?page=1&pageSize=3")).Body();
        var page2 = await (await client.GetAsync("/api/v1/org/staff?page=2&pageSize=3")).Body();
        page1["page"]!.GetValue<int>().ShouldBe(1);
        page1["pageSize"]!.GetValue<int>().ShouldBe(3);
        page1["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(11);
        page1["items"]!.AsArray().Count.ShouldBe(3);
        page2["items"]!.AsArray().Count.ShouldBe(3);
        var ids1 = page1["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
        var ids2 = page2["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
        ids1.Intersect(ids2).ShouldBeEmpty();

        var byName = await (await client.GetAsync("/api/v1/org/staff?q=south.sales1")).Body();
        byName["total"]!.GetValue<int>().ShouldBe(1);
        byName["items"]![0]!["username"]!.GetValue<string>().ShouldBe("south.sales1");
        byName["items"]![0]!["unitName"]!.GetValue<string>().ShouldBe("华南营销部");

        var byChineseName = await (await client.GetAsync("/api/v1/org/staff?q=" + Uri.EscapeDataString("陈卫东"))).Body();
        byChineseName["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ShouldBe(["east.manager"]);

        var east = await Unit("EAST");
        var byUnit = await client.GetAsync($"/api/v1/org/staff?unitId={east.Id}&includeSubUnits=false&pageSize=100");
        byUnit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var eastStaff = (await byUnit.Body())["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>()).ToList();
        eastStaff.ShouldContain("east.manager");
        eastStaff.ShouldContain("east.sales1");
        eastStaff.ShouldContain("east.sales2");
        eastStaff.ShouldNotContain("south.sales1");
        eastStaff.ShouldNotContain("gm");
    }

    [Fact]
    public async Task Staff_list_refuses_a_page_size_over_100()
    {
        var response = await (await Api.As("east.manager")).GetAsync("/api/v1/org/staff?pageSize=101");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Body();
        body["code"]!.GetValue<string>().ShouldBe("validation");
        ShouldHaveFieldError(body, "pageSize");
    }

    [Fact]
    public async Task Admin_creates_a_unit_with_201_Location_and_ETag()
    {
        var root = await Unit("HQ");
        var code = NewCode();

        var response = await (await Api.As("admin")).PostJson("/api/v1/org/units", new { name = "西北营销部", code, kind = "Sales", parentId = root.Id });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unit = await response.Read<OrgUnitDto>();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/org/units/{unit.Id}");
        response.Headers.ETag!.Tag.ShouldBe($"\"{unit.Version}\"");
        unit.Name.ShouldBe("西北营销部");
        unit.Code.ShouldBe(code);
        unit.ParentId.ShouldBe(root.Id);
        unit.Path.ShouldBe($"{root.Path}{unit.Id}/");
        unit.Depth.ShouldBe(1);
        unit.IsActive.ShouldBeTrue();

        var read = await (await Api.As("admin")).GetAsync(response.Headers.Location);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.Read<OrgUnitDto>()).Code.ShouldBe(code);
    }

    [Fact]
    public async Task Admin_creates_staff_who_can_then_sign_in_and_see_their_unit()
    {
        var admin = await Api.As("admin");
        var unit = await CreateUnit(admin, "西南营销部");
        var username = "new." + NewCode().ToLowerInvariant();

        var response = await admin.PostJson("/api/v1/org/staff", new
        {
            username,
            displayName = "马晓东",
            unitId = unit.Id,
            positions = new[] { "AccountManager" },
            email = "xiaodong.ma@demo.example.cn",
            phone = "13800138000",
            password = "Welcome2026x",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var staff = await response.Read<StaffDto>();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/org/staff/{staff.Id}");
        staff.Username.ShouldBe(username);
        staff.UnitId.ShouldBe(unit.Id);
        staff.UnitName.ShouldBe("西南营销部");
        staff.IsActive.ShouldBeTrue();

        var me = await (await (await Api.As(username, "Welcome2026x")).GetAsync("/api/v1/me")).Read<MeResponse>();
        me.Id.ShouldBe(staff.Id);
        me.DisplayName.ShouldBe("马晓东");
        me.UnitId.ShouldBe(unit.Id);
        me.UnitName.ShouldBe("西南营销部");
        me.UnitKind.ShouldBe(Crm.Api.Domain.Org.OrgUnitKind.Sales);
        me.Positions.ShouldBe(["AccountManager"]);
        me.Permissions.ShouldContain("customers.write");
        me.Permissions.ShouldNotContain("admin.users");
    }

    [Fact]
    public async Task A_non_administrator_cannot_create_units_or_staff_403()
    {
        var root = await Unit("HQ");
        var manager = await Api.As("east.manager");

        var unit = await manager.PostJson("/api/v1/org/units", new { name = "越权单元", code = NewCode(), kind = "Sales", parentId = root.Id });
        var staff = await manager.PostJson("/api/v1/org/staff", new
        {
            username = "sneaky." + NewCode().ToLowerInvariant(), displayName = "越权", unitId = root.Id, positions = Array.Empty<string>(), password = "Welcome2026x",
        });

        foreach (var response in new[] { unit, staff })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var body = await response.Body();
            body["status"]!.GetValue<int>().ShouldBe(403);
            body["code"]!.GetValue<string>().ShouldBe("forbidden");
        }
    }

    [Fact]
    public async Task A_duplicate_unit_code_is_a_409()
    {
        var root = await Unit("HQ");

        var response = await (await Api.As("admin")).PostJson("/api/v1/org/units", new { name = "另一个华东", code = "EAST", kind = "Sales", parentId = root.Id });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("duplicateCode");
    }

    [Fact]
    public async Task Invalid_unit_and_staff_bodies_are_400_with_field_errors()
    {
        var admin = await Api.As("admin");
        var root = await Unit("HQ");

        var unit = await admin.PostJson("/api/v1/org/units", new { name = "", code = "bad code!", kind = "Sales", parentId = root.Id });
        unit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unitBody = await unit.Body();
        unitBody["code"]!.GetValue<string>().ShouldBe("validation");
        var unitErrors = unitBody["errors"]!.AsObject();
        ShouldHaveFieldError(unitBody, "name");
        ShouldHaveFieldError(unitBody, "code");
        unitErrors.Count.ShouldBe(2, unitErrors.ToJsonString());

        var staff = await admin.PostJson("/api/v1/org/staff", new
        {
            username = "weak." + NewCode().ToLowerInvariant(), displayName = "弱密码", unitId = root.Id, positions = Array.Empty<string>(), password = "password",
        });
        staff.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var staffBody = await staff.Body();
        staffBody["code"]!.GetValue<string>().ShouldBe("validation");
        var staffErrors = staffBody["errors"]!.AsObject();
        ShouldHaveFieldError(staffBody, "password");
        staffErrors.Count.ShouldBe(1, staffErrors.ToJsonString());
    }

    [Fact]
    public async Task Updating_a_unit_needs_If_Match_428_refuses_a_stale_one_412_and_returns_a_new_ETag()
    {
        var admin = await Api.As("admin");
        var unit = await CreateUnit(admin, "东北营销部");
        var url = $"/api/v1/org/units/{unit.Id}";
        var body = new { name = "东北营销中心", code = unit.Code, kind = "Sales" };

        var missing = await admin.PutAsJsonAsync(url, body);
        missing.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await missing.Body())["code"]!.GetValue<string>().ShouldBe("ifMatchRequired");

        var stale = await Send(admin, HttpMethod.Put, url, body, $"\"{unit.Version + 7}\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await stale.Body())["code"]!.GetValue<string>().ShouldBe("staleVersion");

        var current = (await admin.GetAsync(url)).Headers.ETag!.Tag;
        var ok = await Send(admin, HttpMethod.Put, url, body, current);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await ok.Read<OrgUnitDto>();
        updated.Name.ShouldBe("东北营销中心");
        updated.Version.ShouldBe(unit.Version + 1);
        ok.Headers.ETag!.Tag.ShouldBe($"\"{updated.Version}\"");
        ok.Headers.ETag.Tag.ShouldNotBe(current);

        // The old tag is now stale.
        (await Send(admin, HttpMethod.Put, url, body, current)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_child_is_a_409_cycle()
    {
        var admin = await Api.As("admin");
        var parent = await CreateUnit(admin, "环形测试部");
        var child = await CreateUnit(admin, "环形测试组", parent.Id);

        var response = await Send(admin, HttpMethod.Post, $"/api/v1/org/units/{parent.Id}/move", new { newParentId = child.Id }, $"\"{parent.Version}\"");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("cycle");
        var unchanged = await (await admin.GetAsync($"/api/v1/org/units/{parent.Id}")).Read<OrgUnitDto>();
        unchanged.ParentId.ShouldBe(parent.ParentId);
        unchanged.Path.ShouldBe(parent.Path);
    }

    [Fact]
    public async Task Moving_a_unit_rewrites_the_path_of_the_unit_and_its_children()
    {
        var admin = await Api.As("admin");
        var oldParent = await CreateUnit(admin, "迁出部");
        var newParent = await CreateUnit(admin, "迁入部");
        var unit = await CreateUnit(admin, "迁移组", oldParent.Id);
        var child = await CreateUnit(admin, "迁移小组", unit.Id);
        var grandchild = await CreateUnit(admin, "迁移小队", child.Id);

        var response = await Send(admin, HttpMethod.Post, $"/api/v1/org/units/{unit.Id}/move", new { newParentId = newParent.Id }, $"\"{unit.Version}\"");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = await response.Read<OrgUnitDto>();
        moved.ParentId.ShouldBe(newParent.Id);
        moved.Path.ShouldBe($"{newParent.Path}{unit.Id}/");
        moved.Depth.ShouldBe(newParent.Depth + 1);
        response.Headers.ETag!.Tag.ShouldBe($"\"{moved.Version}\"");
        var units = await (await admin.GetAsync("/api/v1/org/units")).Read<List<OrgUnitDto>>();
        var movedChild = units.Single(u => u.Id == child.Id);
        movedChild.Path.ShouldBe($"{moved.Path}{child.Id}/");
        movedChild.Depth.ShouldBe(moved.Depth + 1);
        units.Single(u => u.Id == grandchild.Id).Path.ShouldBe($"{moved.Path}{child.Id}/{grandchild.Id}/");
        units.Where(u => u.Path.StartsWith(oldParent.Path, StringComparison.Ordinal)).Select(u => u.Id).ShouldBe([oldParent.Id]);
    }

    [Fact]
    public async Task Disabling_a_unit_that_still_has_active_staff_is_a_409()
    {
        var admin = await Api.As("admin");
        var unit = await CreateUnit(admin, "在岗测试部");
        var created = await admin.PostJson("/api/v1/org/staff", new
        {
            username = "busy." + NewCode().ToLowerInvariant(), displayName = "在岗", unitId = unit.Id, positions = new[] { "AccountManager" }, password = "Welcome2026x",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await admin.PostAsync($"/api/v1/org/units/{unit.Id}/disable", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("hasActiveStaff");
        (await (await admin.GetAsync($"/api/v1/org/units/{unit.Id}")).Read<OrgUnitDto>()).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_empty_unit_can_be_disabled_and_leaves_the_default_list()
    {
        var admin = await Api.As("admin");
        var unit = await CreateUnit(admin, "空置部");

        var response = await admin.PostAsync($"/api/v1/org/units/{unit.Id}/disable", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Read<OrgUnitDto>()).IsActive.ShouldBeFalse();
        (await (await admin.GetAsync("/api/v1/org/units")).Read<List<OrgUnitDto>>()).Select(u => u.Id).ShouldNotContain(unit.Id);
        (await (await admin.GetAsync("/api/v1/org/units?includeInactive=true")).Read<List<OrgUnitDto>>()).Select(u => u.Id).ShouldContain(unit.Id);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_disabled_409()
    {
        var admin = await Api.As("admin");
        var id = await StaffId("admin");

        var response = await admin.PostAsync($"/api/v1/org/staff/{id}/disable", null);
        try
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await response.Body())["code"]!.GetValue<string>().ShouldBe("lastAdministrator");
            var me = await admin.GetAsync("/api/v1/me");
            me.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await me.Read<MeResponse>()).Permissions.ShouldContain("admin.users");
        }
        finally
        {
            if (response.IsSuccessStatusCode)
                await admin.PostAsync($"/api/v1/org/staff/{id}/enable", null);
        }
    }

    [Fact]
    public async Task A_role_change_takes_effect_on_the_users_next_request()
    {
        var admin = await Api.As("admin");
        var sales = await Api.As("east.sales2");
        var before = await (await sales.GetAsync("/api/v1/me")).Read<MeResponse>();
        before.Permissions.ShouldNotContain("customers.archive");
        before.CustomerScope.ShouldBe("Own");
        var id = await StaffId("east.sales2");
        var roles = JsonNode.Parse(await admin.GetStringAsync("/api/v1/access/roles"))!.AsArray();
        long RoleId(string code) => roles.Single(r => r!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<long>();
        var original = (await (await admin.GetAsync($"/api/v1/org/staff/{id}")).Read<StaffDto>()).Roles.Select(RoleId).ToList();

        var update = await admin.PutJson($"/api/v1/org/staff/{id}/roles", new { roleIds = new[] { RoleId("employee"), RoleId("unit-manager") } }, null);
        try
        {
            update.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await update.Read<StaffDto>()).Roles.ShouldBe(["employee", "unit-manager"]);

            // Same token as before: the change needs no new sign-in.
            var after = await (await sales.GetAsync("/api/v1/me")).Read<MeResponse>();
            after.Roles.ShouldBe(["employee", "unit-manager"]);
            after.Permissions.ShouldContain("customers.archive");
            after.CustomerScope.ShouldBe("UnitSubtree");
        }
        finally
        {
            (await admin.PutJson($"/api/v1/org/staff/{id}/roles", new { roleIds = original }, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var restored = await (await sales.GetAsync("/api/v1/me")).Read<MeResponse>();
        restored.Permissions.ShouldNotContain("customers.archive");
        restored.CustomerScope.ShouldBe("Own");
    }

    private static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private async Task<OrgUnitDto> Unit(string code) =>
        (await (await (await Api.As("admin")).GetAsync("/api/v1/org/units")).Read<List<OrgUnitDto>>()).Single(u => u.Code == code);

    private async Task<OrgUnitDto> CreateUnit(HttpClient admin, string name, long? parentId = null)
    {
        parentId ??= (await Unit("HQ")).Id;
        var response = await admin.PostJson("/api/v1/org/units", new { name, code = NewCode(), kind = "Sales", parentId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Read<OrgUnitDto>();
    }

    private async Task<long> StaffId(string username)
    {
        var page = await (await (await Api.As("admin")).GetAsync($"/api/v1/org/staff?q={username}&includeInactive=true")).Body();
        return page["items"]!.AsArray().Single(i => i!["username"]!.GetValue<string>() == username)!["id"]!.GetValue<long>();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// <summary>Field names are matched ignoring case: FluentValidation failures currently come back PascalCase
    /// ("PageSize") although bodies and queries are camelCase; tighten to an exact match once the handler camel-cases them.</summary>
}

public sealed class OrgTests(SqliteApiFixture fixture) : OrgTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class OrgTestsOnSqlServer(SqlServerApiFixture fixture) : OrgTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
