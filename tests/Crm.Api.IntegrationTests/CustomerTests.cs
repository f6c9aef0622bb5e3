using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

public abstract class CustomerTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task Creating_a_customer_answers_201_with_location_etag_and_defaults_to_the_caller_as_owner()
    {
        var client = await Api.As("east.sales1");
        var me = await (await client.GetAsync("/api/v1/me")).Body();
        var body = TestData.NewCustomer(TestData.UniqueName("新建"));

        var response = await client.PostJson("/api/v1/customers", body);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var created = await response.Body();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/customers/{created["id"]}");
        created["owner"]!["id"]!.GetValue<long>().ShouldBe(me["id"]!.GetValue<long>());
        created["owningUnitName"]!.GetValue<string>().ShouldBe("华东营销部");
        created["code"]!.GetValue<string>().ShouldStartWith("KH");
        created["creditCode"]!.GetValue<string>().ShouldBe((string)body["creditCode"]!);
        created["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["展会"]);
        created["archived"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task An_invalid_credit_code_is_a_400_on_the_creditCode_field()
    {
        var client = await Api.As("east.sales1");
        var code = TestData.CreditCode();
        var wrongCheck = code[..17] + (code[17] == '0' ? '1' : '0');

        var response = await client.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("错码"), b => b["creditCode"] = wrongCheck));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Body();
        problem["errors"]!["creditCode"]![0]!.GetValue<string>().ShouldContain("GB 32100-2015");
    }

    [Fact]
    public async Task A_duplicate_credit_code_is_a_409_and_nothing_is_written()
    {
        var client = await Api.As("east.sales1");
        var first = TestData.NewCustomer(TestData.UniqueName("重复"));
        await client.CreateCustomer(first);
        var secondName = TestData.UniqueName("重复二");

        var response = await client.PostJson("/api/v1/customers", TestData.NewCustomer(secondName, b => b["creditCode"] = ((string)first["creditCode"]!).ToLowerInvariant()));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("duplicateCreditCode");
        (await (await Api.As("gm")).ListIds($"q={Uri.EscapeDataString(secondName)}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Missing_required_fields_are_listed_field_by_field()
    {
        var response = await (await Api.As("east.sales1")).PostJson("/api/v1/customers", new { address = "只有地址" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Body())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["name", "creditCode", "enterpriseNature", "category"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_salesperson_cannot_assign_a_customer_to_someone_else()
    {
        var client = await Api.As("east.sales1");
        var colleague = await client.StaffId("east.sales2");

        var response = await client.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("代建"), b => b["ownerId"] = colleague));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("forbidden");
    }

    [Fact]
    public async Task A_manager_assigns_within_their_unit_but_not_to_another_unit()
    {
        var manager = await Api.As("east.manager");
        var eastSales2 = await manager.StaffId("east.sales2");
        var southSales1 = await manager.StaffId("south.sales1");

        var inUnit = await manager.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("分配"), b => b["ownerId"] = eastSales2));
        var outside = await manager.PostJson("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("越权"), b => b["ownerId"] = southSales1));

        inUnit.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await inUnit.Body())["owner"]!["id"]!.GetValue<long>().ShouldBe(eastSales2);
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Update_needs_If_Match_428_without_412_when_stale_and_records_field_history()
    {
        var client = await Api.As("east.sales1");
        var body = TestData.NewCustomer(TestData.UniqueName("更新"));
        var created = await client.CreateCustomer(body);
        var id = created["id"]!.GetValue<long>();
        body["address"] = "上海市徐汇区漕溪北路 88 号";
        body["region"] = "浙江";

        (await client.PutJson($"/api/v1/customers/{id}", body, null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await client.PutJson($"/api/v1/customers/{id}", body, "\"7\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var ok = await client.PutJson($"/api/v1/customers/{id}", body, "\"1\"");

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var updated = await ok.Body();
        updated["region"]!.GetValue<string>().ShouldBe("浙江");
        var history = await (await client.GetAsync($"/api/v1/customers/{id}/history")).Body();
        var entries = history["items"]!.AsArray();
        var address = entries.Single(e => e!["field"]!.GetValue<string>() == "address")!;
        address["oldValue"]!.GetValue<string>().ShouldBe("上海市浦东新区张江路 100 号");
        address["newValue"]!.GetValue<string>().ShouldBe("上海市徐汇区漕溪北路 88 号");
        address["action"]!.GetValue<string>().ShouldBe("Updated");
        address["by"]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var region = entries.Single(e => e!["field"]!.GetValue<string>() == "region")!;
        (region["oldValue"]!.GetValue<string>(), region["newValue"]!.GetValue<string>()).ShouldBe(("上海", "浙江"));
        region["changeSetId"]!.GetValue<Guid>().ShouldBe(address["changeSetId"]!.GetValue<Guid>());
        entries.Any(e => e!["action"]!.GetValue<string>() == "Created").ShouldBeTrue();
    }

    [Fact]
    public async Task The_grade_is_not_edited_in_the_archive_form_but_may_be_echoed_or_left_out()
    {
        var client = await Api.As("east.sales1");
        var body = TestData.NewCustomer(TestData.UniqueName("等级"));
        var id = (await client.CreateCustomer(body))["id"]!.GetValue<long>();

        body["grade"] = "A";
        var refused = await client.PutJson($"/api/v1/customers/{id}", body, "\"1\"");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Body();
        ProblemAssertions.ShouldHaveFieldError(problem, "grade");
        problem["code"]!.GetValue<string>().ShouldBe("gradeNotEditable");

        body.Remove("grade");
        body["industry"] = "建材";
        var kept = await client.PutJson($"/api/v1/customers/{id}", body, "\"1\"");
        kept.StatusCode.ShouldBe(HttpStatusCode.OK, await kept.Content.ReadAsStringAsync());
        (await kept.Body())["grade"]!.GetValue<string>().ShouldBe("B");
    }

    [Fact]
    public async Task An_update_that_omits_the_ownership_fields_keeps_them()
    {
        var manager = await Api.As("east.manager");
        var owner = await manager.StaffId("east.sales1");
        var serviceUnit = await manager.UnitId("SVC");
        var body = TestData.NewCustomer(TestData.UniqueName("保留归属"), b => { b["ownerId"] = owner; b["serviceUnitId"] = serviceUnit; });
        var id = (await manager.CreateCustomer(body))["id"]!.GetValue<long>();
        body.Remove("ownerId");
        body.Remove("serviceUnitId");
        body["address"] = "新地址";

        var updated = await (await Api.As("east.sales1")).PutJson($"/api/v1/customers/{id}", body, "\"1\"");

        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var detail = await updated.Body();
        detail["serviceUnitId"]!.GetValue<long>().ShouldBe(serviceUnit);
        detail["owner"]!["id"]!.GetValue<long>().ShouldBe(owner);
        detail["address"]!.GetValue<string>().ShouldBe("新地址");
    }

    [Fact]
    public async Task Two_writers_with_the_same_ETag_one_wins_and_the_other_gets_412()
    {
        var client = await Api.As("east.sales1");
        var body = TestData.NewCustomer(TestData.UniqueName("并发"));
        var id = (await client.CreateCustomer(body))["id"]!.GetValue<long>();
        var first = new Dictionary<string, object?>(body) { ["address"] = "甲" };
        var second = new Dictionary<string, object?>(body) { ["address"] = "乙" };

        var results = await Task.WhenAll(client.PutJson($"/api/v1/customers/{id}", first, "\"1\""), client.PutJson($"/api/v1/customers/{id}", second, "\"1\""));

        results.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], ignoreOrder: true);
        var detail = await (await client.GetAsync($"/api/v1/customers/{id}")).Body();
        detail["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Archive_hides_the_customer_from_the_list_and_restore_brings_it_back()
    {
        var manager = await Api.As("east.manager");
        var name = TestData.UniqueName("归档");
        var id = (await manager.CreateCustomer(TestData.NewCustomer(name)))["id"]!.GetValue<long>();
        var query = $"q={Uri.EscapeDataString(name)}";

        (await manager.PostAsync($"/api/v1/customers/{id}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.ListIds(query)).ShouldBeEmpty();
        (await manager.ListIds(query + "&archived=true")).ShouldBe([id]);
        (await manager.PostAsync($"/api/v1/customers/{id}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await manager.PutJson($"/api/v1/customers/{id}", TestData.NewCustomer(name), "\"2\"")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await manager.PostAsync($"/api/v1/customers/{id}/restore", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.ListIds(query)).ShouldBe([id]);
    }

    [Fact]
    public async Task A_salesperson_may_not_archive()
    {
        var client = await Api.As("east.sales1");
        var id = (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("不可归档"))))["id"]!.GetValue<long>();

        var response = await client.PostAsync($"/api/v1/customers/{id}/archive", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_Chinese_substring_finds_the_customer_and_codes_match_by_prefix()
    {
        var client = await Api.As("gm");
        var hits = await (await client.GetAsync($"/api/v1/customers?q={Uri.EscapeDataString("华信")}&pageSize=100")).Body();
        var names = hits["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();

        names.ShouldContain("上海华信贸易有限公司");
        names.ShouldContain("广州华信建材有限公司");
        names.ShouldAllBe(n => n.Contains("华信"));

        var detail = hits["items"]![0]!;
        var byCode = await client.ListIds("q=" + detail["code"]!.GetValue<string>());
        byCode.ShouldContain(detail["id"]!.GetValue<long>());
        var byCreditPrefix = await client.ListIds("q=" + detail["creditCode"]!.GetValue<string>()[..12].ToLowerInvariant());
        byCreditPrefix.ShouldContain(detail["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Search_respects_visibility_a_salesperson_finds_only_their_own_华信()
    {
        var hits = await (await (await Api.As("east.sales1")).GetAsync($"/api/v1/customers?q={Uri.EscapeDataString("华信")}")).Body();

        var names = hits["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        names.ShouldContain("上海华信贸易有限公司");
        names.ShouldNotContain("广州华信建材有限公司");
    }

    [Fact]
    public async Task Filters_combine_grade_status_category_region_tag_owner_and_unit()
    {
        var client = await Api.As("east.manager");
        var owner = await client.StaffId("east.sales2");
        var tag = "筛选" + Guid.NewGuid().ToString("N")[..4];
        var id = (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("筛选"), b =>
        {
            b["grade"] = "C";
            b["status"] = "Dormant";
            b["category"] = "Retailer";
            b["region"] = "浙江";
            b["tags"] = new[] { tag };
            b["ownerId"] = owner;
        })))["id"]!.GetValue<long>();
        var unit = await client.UnitId("EAST");

        (await client.ListIds($"grade=c&status=Dormant&category=Retailer&region={Uri.EscapeDataString("浙江")}&tag={Uri.EscapeDataString(tag)}&ownerId={owner}&unitId={unit}"))
            .ShouldBe([id]);
        (await client.ListIds($"tag={Uri.EscapeDataString(tag)}&grade=A")).ShouldBeEmpty();
        (await client.ListIds($"tag={Uri.EscapeDataString(tag)}&status=Active")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sorting_follows_the_allow_list_and_paging_reports_the_total()
    {
        var client = await Api.As("gm");
        var byName = await (await client.GetAsync("/api/v1/customers?sort=name&pageSize=10")).Body();
        var names = byName["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        names.ShouldBe(names.Order(StringComparer.Ordinal).ToList());

        var page1 = await (await client.GetAsync("/api/v1/customers?pageSize=5&page=1")).Body();
        var page2 = await (await client.GetAsync("/api/v1/customers?pageSize=5&page=2")).Body();
        page1["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(60);
        page1["totalIsCapped"]!.GetValue<bool>().ShouldBeFalse();
        var ids1 = page1["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
        var ids2 = page2["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
        ids1.Count.ShouldBe(5);
        ids1.Intersect(ids2).ShouldBeEmpty();
        ids1.ShouldBe(ids1.OrderDescending().ToList());
        ids1.Min().ShouldBeGreaterThan(ids2.Max());

        var bad = await client.GetAsync("/api/v1/customers?sort=passwordHash");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Body())["errors"]!.AsObject().ContainsKey("sort").ShouldBeTrue();
    }

    [Fact]
    public async Task Key_persons_are_a_nested_resource_with_their_own_ETag_and_history()
    {
        var client = await Api.As("east.sales1");
        var id = (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("关键人"))))["id"]!.GetValue<long>();

        var added = await client.PostJson($"/api/v1/customers/{id}/key-persons",
            new { name = "王建国", title = "总经理", level = "Executive", phone = "13800138000", birthday = "1975-06-18", interests = "高尔夫" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = await added.Body();
        var personId = person["id"]!.GetValue<long>();
        added.Headers.Location!.ToString().ShouldBe($"/api/v1/customers/{id}/key-persons/{personId}");

        var invalid = await client.PostJson($"/api/v1/customers/{id}/key-persons", new { name = "", level = "Nobody", email = "not-an-email" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var update = new { name = "王建国", title = "董事长", level = "Executive", phone = "13800138000", birthday = "1975-06-18", interests = "茶道" };
        (await client.PutJson($"/api/v1/customers/{id}/key-persons/{personId}", update, null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var updated = await client.PutJson($"/api/v1/customers/{id}/key-persons/{personId}", update, "\"1\"");
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.Body())["title"]!.GetValue<string>().ShouldBe("董事长");

        var list = JsonNode.Parse(await client.GetStringAsync($"/api/v1/customers/{id}/key-persons"))!.AsArray();
        list.Single()!["name"]!.GetValue<string>().ShouldBe("王建国");

        var history = (await (await client.GetAsync($"/api/v1/customers/{id}/history?pageSize=50")).Body())["items"]!.AsArray();
        history.Any(h => h!["action"]!.GetValue<string>() == "KeyPersonAdded").ShouldBeTrue();
        history.Single(h => h!["field"]!.GetValue<string>() == $"keyPersons[{personId}].title")!["newValue"]!.GetValue<string>().ShouldBe("董事长");
        // Soft facts are sensitive: the history says they changed, never what they were.
        var interests = history.Single(h => h!["field"]!.GetValue<string>() == $"keyPersons[{personId}].interests")!;
        interests["oldValue"]!.GetValue<string>().ShouldBe("***");

        (await client.DeleteAsync($"/api/v1/customers/{id}/key-persons/{personId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/customers/{id}/key-persons/{personId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_person_of_one_customer_is_not_reachable_through_another()
    {
        var client = await Api.As("east.sales1");
        var a = (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("甲方"))))["id"]!.GetValue<long>();
        var b = (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("乙方"))))["id"]!.GetValue<long>();
        var person = await (await client.PostJson($"/api/v1/customers/{a}/key-persons", new { name = "李娜", level = "KeyStaff" })).Body();

        (await client.GetAsync($"/api/v1/customers/{b}/key-persons/{person["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem_and_writes_nothing()
    {
        var client = await Api.As("east.sales1");
        var before = (await (await client.GetAsync("/api/v1/customers")).Body())["total"]!.GetValue<int>();

        var response = await client.PostAsync("/api/v1/customers", new StringContent("{\"name\": \"半截", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await (await client.GetAsync("/api/v1/customers")).Body())["total"]!.GetValue<int>().ShouldBe(before);
    }
}

public sealed class CustomerTests(SqliteApiFixture fixture) : CustomerTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class CustomerTestsOnSqlServer(SqlServerApiFixture fixture) : CustomerTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
