using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 7 point 2: an unfiled customer's entertainment, travel and gift expenses are not reimbursable (财务一律不予报销).</summary>
public abstract class ExpenseTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private const string C = "/api/v1/customers";

    private static async Task<JsonObject> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    /// <summary>A customer first contacted on 2 March 2026 whose filing is submitted on <paramref name="submittedOn"/> and accepted three days later.</summary>
    private async Task<(HttpClient Sales, long Id)> FiledCustomer(int submittedOn)
    {
        Clock.SetShanghai(2026, 3, 2, 10);
        var sales = await Api.As("east.sales1");
        var body = TestData.NewCustomer(TestData.UniqueName("费用"), b => b["industry"] = "建材");
        var id = (await sales.CreateCustomer(body))["id"]!.GetValue<long>();
        (await sales.PostJson($"{C}/{id}/key-persons", new { name = "李经理", level = "BusinessManager", phone = "13800138000" })).StatusCode
            .ShouldBe(HttpStatusCode.Created);
        Clock.SetShanghai(2026, 3, submittedOn, 10);
        await Ok(await sales.PostAsync($"{C}/{id}/filing/submit", null));
        Clock.SetShanghai(2026, 3, submittedOn + 3, 10);
        await Ok(await (await Api.As("marketing1")).PostAsync($"{C}/{id}/filing/accept", null));
        return (sales, id);
    }

    private static Task<HttpResponseMessage> Record(HttpClient client, long id, string spentOn, string category = "Entertainment", decimal amount = 680.50m) =>
        client.PostJson($"{C}/{id}/expenses", new { spentOn, category, amount, description = "商务宴请" });

    [Fact]
    public async Task An_expense_before_the_filing_met_date_is_not_reimbursable_with_the_reason_and_one_on_or_after_it_is()
    {
        var (sales, id) = await FiledCustomer(submittedOn: 9);

        var before = await Ok(await Record(sales, id, "2026-03-06"), HttpStatusCode.Created);
        var onTheDay = await Ok(await Record(sales, id, "2026-03-09", "Gift", 300m), HttpStatusCode.Created);
        var after = await Ok(await Record(sales, id, "2026-03-11", "Travel", 1200m), HttpStatusCode.Created);

        before["reimbursable"]!.GetValue<bool>().ShouldBeFalse();
        before["reason"]!.GetValue<string>().ShouldContain("2026-03-09");
        before["amount"]!.GetValue<decimal>().ShouldBe(680.50m);
        onTheDay["reimbursable"]!.GetValue<bool>().ShouldBeTrue();
        onTheDay["reason"].ShouldBeNull();
        after["reimbursable"]!.GetValue<bool>().ShouldBeTrue();

        var list = JsonNode.Parse(await sales.GetStringAsync($"{C}/{id}/expenses"))!.AsArray();
        list.Select(e => (e!["spentOn"]!.GetValue<string>(), e["reimbursable"]!.GetValue<bool>()))
            .ShouldBe([("2026-03-11", true), ("2026-03-09", true), ("2026-03-06", false)]);
    }

    [Fact]
    public async Task A_customer_whose_filing_is_not_accepted_has_no_reimbursable_expense()
    {
        Clock.SetShanghai(2026, 4, 1, 10);
        var sales = await Api.As("east.sales1");
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("未备案"), b => b["firstContactOn"] = "2026-04-01")))["id"]!.GetValue<long>();

        var expense = await Ok(await Record(sales, id, "2026-04-01", "Gift"), HttpStatusCode.Created);

        expense["reimbursable"]!.GetValue<bool>().ShouldBeFalse();
        expense["reason"]!.GetValue<string>().ShouldContain("尚未备案");
        var status = await Ok(await sales.GetAsync($"{C}/{id}/filing-status?asOf=2026-04-01"));
        status["filed"]!.GetValue<bool>().ShouldBeFalse();
        status["filing"]!["status"]!.GetValue<string>().ShouldBe("Open");
    }

    [Fact]
    public async Task The_finance_filing_status_answers_filed_from_the_met_date_on_with_the_record()
    {
        var (sales, id) = await FiledCustomer(submittedOn: 4);

        var dayBefore = await Ok(await sales.GetAsync($"{C}/{id}/filing-status?asOf=2026-03-03"));
        var onMetDate = await Ok(await sales.GetAsync($"{C}/{id}/filing-status?asOf=2026-03-04"));

        dayBefore["filed"]!.GetValue<bool>().ShouldBeFalse();
        onMetDate["filed"]!.GetValue<bool>().ShouldBeTrue();
        (onMetDate["filing"]!["metOn"]!.GetValue<string>(), onMetDate["filing"]!["status"]!.GetValue<string>()).ShouldBe(("2026-03-04", "Met"));
        onMetDate["filing"]!["decidedBy"]!["id"]!.GetValue<long>().ShouldBe(await sales.StaffId("marketing1"));
        (await (await Api.As("south.sales1")).GetAsync($"{C}/{id}/filing-status?asOf=2026-03-04")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_expense_needs_a_positive_amount_a_known_category_and_a_date_not_in_the_future()
    {
        Clock.SetShanghai(2026, 5, 6, 10);
        var sales = await Api.As("east.sales1");
        var id = (await sales.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("费用校验"))))["id"]!.GetValue<long>();

        var bad = await Record(sales, id, "2026-05-07", amount: 0m);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Body();
        ProblemAssertions.ShouldHaveFieldError(problem, "amount");
        ProblemAssertions.ShouldHaveFieldError(problem, "spentOn");
        (await (await Api.As("south.sales1")).PostJson($"{C}/{id}/expenses", new { spentOn = "2026-05-06", category = "Gift", amount = 1m }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ExpenseTests(ExpenseTests.Fixture fixture) : ExpenseTestsBase(fixture), IClassFixture<ExpenseTests.Fixture>
{
    public sealed class Fixture : ClockedSqliteApiFixture;
}

public sealed class ExpenseTestsOnSqlServer(ExpenseTestsOnSqlServer.Fixture fixture) : ExpenseTestsBase(fixture), IClassFixture<ExpenseTestsOnSqlServer.Fixture>
{
    public sealed class Fixture : ClockedSqlServerApiFixture;
}
