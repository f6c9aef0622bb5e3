using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 9 point 1: API clients, the client-credentials grant, scopes and data scope, attribution.</summary>
public abstract class ApiClientTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static async Task<(int Status, JsonObject Body)> Read(HttpResponseMessage response) =>
        ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());

    [Fact]
    public async Task An_admin_creates_a_client_whose_secret_is_shown_once_and_the_client_gets_an_OAuth_token_that_works_on_the_API()
    {
        var client = await Api.CreateApiClient("ERP 系统", ["customers:read", "customers:write"]);
        client.ClientId.ShouldStartWith("crm_");
        client.Secret.ShouldStartWith("crs_");

        var admin = await Api.As("admin");
        var listed = await admin.GetStringAsync("/api/v1/integration/clients?pageSize=100");
        // The list pages like every other: one client on a page of one, the total counting them all, at most 100 a page.
        var pageOfOne = JsonNode.Parse(await admin.GetStringAsync("/api/v1/integration/clients?pageSize=1"))!;
        pageOfOne["items"]!.AsArray().Count.ShouldBe(1);
        pageOfOne["total"]!.GetValue<int>().ShouldBe(JsonNode.Parse(listed)!["items"]!.AsArray().Count);
        (await admin.GetAsync("/api/v1/integration/clients?pageSize=101")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = await admin.GetStringAsync($"/api/v1/integration/clients/{client.Id}");
        listed.ShouldContain(client.ClientId);
        foreach (var text in new[] { listed, detail })
        {
            text.ShouldNotContain(client.Secret);
            text.ShouldNotContain("secretHash", Case.Insensitive);
        }

        var (status, token) = await Read(await Api.RequestClientToken(client.ClientId, client.Secret));
        status.ShouldBe(200);
        token["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        token["scope"]!.GetValue<string>().ShouldBe("customers:read customers:write");
        token["expires_in"]!.GetValue<int>().ShouldBeInRange(1, 900);
        token.ContainsKey("refresh_token").ShouldBeFalse();

        var byBody = await Api.RequestClientToken(client.ClientId, client.Secret, inBody: true);
        byBody.StatusCode.ShouldBe(HttpStatusCode.OK);
        byBody.Headers.CacheControl!.NoStore.ShouldBeTrue();

        var http = await Api.AsApiClient(client);
        var me = await (await http.GetAsync("/api/v1/me")).Body();
        me["id"]!.GetValue<long>().ShouldBe(client.StaffId);
        me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["customers.read", "customers.write"]);
        (await http.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_credentials_answer_the_RFC_6749_errors_and_the_password_sign_in_still_works()
    {
        var client = await Api.CreateApiClient("财务系统", ["customers:read"]);

        var (status, body) = await Read(await Api.RequestClientToken(client.ClientId, client.Secret + "x"));
        (status, body["error"]!.GetValue<string>()).ShouldBe((401, "invalid_client"));
        (status, body) = await Read(await Api.RequestClientToken("crm_0000000000000000", client.Secret, inBody: true));
        (status, body["error"]!.GetValue<string>()).ShouldBe((401, "invalid_client"));
        (status, body) = await Read(await Api.RequestClientToken(client.ClientId, client.Secret, grantType: "password"));
        (status, body["error"]!.GetValue<string>()).ShouldBe((400, "unsupported_grant_type"));
        (status, body) = await Read(await Api.RequestClientToken(client.ClientId, client.Secret, scope: "customers:write"));
        (status, body["error"]!.GetValue<string>()).ShouldBe((400, "invalid_scope"));
        (status, body) = await Read(await Api.RequestClientToken(client.ClientId, client.Secret, grantType: ""));
        (status, body["error"]!.GetValue<string>()).ShouldBe((400, "invalid_request"));

        (await Api.SignIn("east.sales1")).AccessToken.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_token_route_chooses_by_content_type_and_answers_4xx_never_500_to_anything_else()
    {
        var anonymous = Api.Anonymous();
        var empty = await anonymous.PostAsync("/api/v1/auth/token", null);
        var text = await anonymous.PostAsync("/api/v1/auth/token", new StringContent("grant_type=client_credentials", System.Text.Encoding.UTF8, "text/plain"));
        var json = await anonymous.PostJson("/api/v1/auth/token", new { grant_type = "client_credentials" });
        var form = await anonymous.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "east.sales1" }));

        ((int)empty.StatusCode).ShouldBeInRange(400, 499, await empty.Content.ReadAsStringAsync());
        ((int)text.StatusCode).ShouldBeInRange(400, 499, await text.Content.ReadAsStringAsync());
        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await json.Body())["code"]!.GetValue<string>().ShouldBe("validation");
        form.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await form.Body())["error"]!.GetValue<string>().ShouldBe("invalid_request");
    }

    [Fact]
    public async Task Rotating_the_secret_rejects_the_old_secret_and_the_tokens_issued_with_it()
    {
        var client = await Api.CreateApiClient("营销系统", ["customers:read"]);
        var before = await Api.AsApiClient(client);
        (await before.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await Api.As("admin");
        var rotated = await (await admin.PostAsync($"/api/v1/integration/clients/{client.Id}/rotate-secret", null)).Body();
        var newSecret = rotated["clientSecret"]!.GetValue<string>();
        newSecret.ShouldNotBe(client.Secret);

        var (status, body) = await Read(await Api.RequestClientToken(client.ClientId, client.Secret));
        (status, body["error"]!.GetValue<string>()).ShouldBe((401, "invalid_client"));
        (await before.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var after = await Api.AsApiClient(client with { Secret = newSecret });
        (await after.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_disabled_client_gets_no_token_and_its_tokens_stop_until_it_is_enabled_again()
    {
        var client = await Api.CreateApiClient("停用测试", ["customers:read"]);
        var http = await Api.AsApiClient(client);
        var admin = await Api.As("admin");

        (await admin.PostAsync($"/api/v1/integration/clients/{client.Id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (status, body) = await Read(await Api.RequestClientToken(client.ClientId, client.Secret));
        (status, body["error"]!.GetValue<string>()).ShouldBe((401, "invalid_client"));
        (await admin.PostAsync($"/api/v1/integration/clients/{client.Id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await admin.PostAsync($"/api/v1/integration/clients/{client.Id}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await Api.AsApiClient(client)).GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_holders_of_integration_clients_manage_clients()
    {
        foreach (var user in new[] { "gm", "marketing1", "east.manager", "east.sales1" })
        {
            var http = await Api.As(user);
            (await http.GetAsync("/api/v1/integration/clients")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await http.PostJson("/api/v1/integration/clients", new { name = "x", scopes = new[] { "customers:read" }, dataScope = "All" }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }
        var admin = await Api.As("admin");
        (await admin.GetAsync("/api/v1/integration/clients/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var invalid = await admin.PostJson("/api/v1/integration/clients", new { name = "x", scopes = new[] { "customers:delete" }, dataScope = "All" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Scopes_limit_the_endpoints_a_client_may_use_and_a_narrower_token_scope_narrows_further()
    {
        var reader = await Api.AsApiClient(await Api.CreateApiClient("只读系统", ["customers:read"]));
        (await reader.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("只读"))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var writerClient = await Api.CreateApiClient("读写系统", ["customers:read", "customers:write"]);
        var narrowed = await Api.AsApiClient(writerClient, scope: "customers:read");
        (await narrowed.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("收窄"))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await narrowed.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var writer = await Api.AsApiClient(writerClient);
        (await writer.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("读写"))))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_data_scope_limits_which_customers_a_client_sees_like_a_role()
    {
        var gm = await Api.As("gm");
        var east = (await (await Api.As("east.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("华东范围"))))["id"]!.GetValue<long>();
        var south = (await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("华南范围"))))["id"]!.GetValue<long>();
        var eastUnit = await gm.UnitId("EAST");

        var eastClient = await Api.AsApiClient(await Api.CreateApiClient("华东系统", ["customers:read"], "UnitSubtree", eastUnit));
        (await eastClient.GetAsync($"/api/v1/customers/{east}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await eastClient.GetAsync($"/api/v1/customers/{south}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await eastClient.ListIds("q=范围");
        listed.ShouldContain(east);
        listed.ShouldNotContain(south);

        var ownClient = await Api.AsApiClient(await Api.CreateApiClient("自有系统", ["customers:read"], "Own", eastUnit));
        (await ownClient.GetAsync($"/api/v1/customers/{east}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var allClient = await Api.AsApiClient(await Api.CreateApiClient("全局系统", ["customers:read"], "All"));
        (await allClient.GetAsync($"/api/v1/customers/{south}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_a_clients_scopes_and_data_scope_applies_on_its_next_request()
    {
        var south = (await (await Api.As("south.sales1")).CreateCustomer(TestData.NewCustomer(TestData.UniqueName("改范围"))))["id"]!.GetValue<long>();
        var admin = await Api.As("admin");
        var eastUnit = await admin.UnitId("EAST");
        var client = await Api.CreateApiClient("改动系统", ["customers:read"], "UnitSubtree", eastUnit);
        var http = await Api.AsApiClient(client);
        (await http.GetAsync($"/api/v1/customers/{south}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var url = $"/api/v1/integration/clients/{client.Id}";
        var etag = (await admin.GetAsync(url)).Headers.ETag!.Tag;
        var body = new { name = "改动系统", scopes = new[] { "customers:read", "customers:write" }, dataScope = "All", unitId = eastUnit };
        (await admin.PutJson(url, body, null)).StatusCode.ShouldBe((HttpStatusCode)428);
        (await admin.PutJson(url, body, "\"999\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var updated = await admin.PutJson(url, body, etag);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.Body())["dataScope"]!.GetValue<string>().ShouldBe("All");

        (await http.GetAsync($"/api/v1/customers/{south}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = await Api.AsApiClient(client);
        (await fresh.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("新权限")))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task History_and_the_read_log_name_the_client()
    {
        var client = await Api.CreateApiClient("留痕系统", ["customers:read", "customers:write"]);
        var http = await Api.AsApiClient(client);
        var created = await http.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("留痕")));
        var id = created["id"]!.GetValue<long>();
        (await http.GetAsync($"/api/v1/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var gm = await Api.As("gm");
        var history = await (await gm.GetAsync($"/api/v1/customers/{id}/history")).Body();
        var by = history["items"]!.AsArray().Select(i => i!["by"]!).ToList();
        by.ShouldNotBeEmpty();
        by.ShouldAllBe(b => b!["id"]!.GetValue<long>() == client.StaffId);
        by[0]!["name"]!.GetValue<string>().ShouldBe(client.DisplayName);

        var log = await (await gm.GetAsync($"/api/v1/access/read-log?customerId={id}&pageSize=100")).Body();
        var entries = log["items"]!.AsArray().Where(e => e!["staffId"]!.GetValue<long>() == client.StaffId).ToList();
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e!["staffName"]!.GetValue<string>() == client.DisplayName);
    }
}

public sealed class ApiClientTests(SqliteApiFixture fixture) : ApiClientTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class ApiClientTestsOnSqlServer(SqlServerApiFixture fixture) : ApiClientTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
