using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 6 point 8: the deadline board for a person, a unit and the company, on a clock the tests move.</summary>
public abstract class DeadlineBoardTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private const string C = "/api/v1/customers";

    // Around National Day 2022 (before any demo customer's first contact): the Mid-Autumn holiday (10–12 Sep), the 1–7 October
    // holiday and its make-up weekend (8–9 Oct).
    private const string Window = "dueFrom=2022-09-01&dueTo=2022-10-31";

    private static readonly string[] States = ["Pending", "DueSoon", "Overdue", "Submitted", "MetOnTime", "MetLate"];

    private static async Task<JsonObject> Board(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/deadline-board?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static int Count(JsonNode board, string state) => board["counts"]![char.ToLowerInvariant(state[0]) + state[1..]]!.GetValue<int>();

    private static List<long> Customers(JsonNode board, string list) =>
        board[list]!.AsArray().Select(o => o!["customerId"]!.GetValue<long>()).ToList();

    /// <summary>A complete 客户基本信息表 (industry, a key person with a phone), so it can be submitted.</summary>
    private static async Task<long> Customer(HttpClient client, string firstContactOn)
    {
        var id = (await client.CreateCustomer(TestData.NewCustomer(TestData.UniqueName("看板"), b =>
        {
            b["firstContactOn"] = firstContactOn;
            b["industry"] = "建材";
        })))["id"]!.GetValue<long>();
        var kp = await client.PostJson($"{C}/{id}/key-persons", new { name = "周经理", level = "BusinessManager", phone = "13900139000" });
        kp.StatusCode.ShouldBe(HttpStatusCode.Created, await kp.Content.ReadAsStringAsync());
        return id;
    }

    private static async Task Meet(HttpClient sales, HttpClient marketing, long id)
    {
        (await sales.PostAsync($"{C}/{id}/filing/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketing.PostAsync($"{C}/{id}/filing/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Board_counts_and_lists_overdue_due_soon_pending_and_met_filings_across_the_National_Day_make_up_days()
    {
        var sales = await Api.As("east.sales1");
        var marketing = await Api.As("marketing1");

        Clock.SetShanghai(2022, 9, 6, 10);
        var metOnTime = await Customer(sales, "2022-09-05");
        var metLate = await Customer(sales, "2022-09-05");
        Clock.SetShanghai(2022, 9, 8, 10);
        await Meet(sales, marketing, metOnTime);
        Clock.SetShanghai(2022, 9, 15, 10);
        await Meet(sales, marketing, metLate);

        Clock.SetShanghai(2022, 9, 29, 10);
        var overdue = await Customer(sales, "2022-09-09");
        var dueSoon = await Customer(sales, "2022-09-26");
        var pending = await Customer(sales, "2022-09-28");

        var east = await sales.UnitId("EAST");
        var board = await Board(marketing, $"unitId={east}&{Window}");
        board["asOf"]!.GetValue<string>().ShouldBe("2022-09-29");
        // At most two working days left: Friday 30 September and the make-up Saturday 8 October; 1–7 October are holidays.
        board["dueSoonUntil"]!.GetValue<string>().ShouldBe("2022-10-08");
        States.Select(s => Count(board, s)).ShouldBe([1, 1, 1, 0, 1, 1]);
        Customers(board, "overdue").ShouldBe([overdue]);
        Customers(board, "dueSoon").ShouldBe([dueSoon]);
        Customers(board, "metLate").ShouldBe([metLate]);
        board["overdue"]![0]!["dueOn"]!.GetValue<string>().ShouldBe("2022-09-19");
        board["dueSoon"]![0]!["dueOn"]!.GetValue<string>().ShouldBe("2022-10-08");
        var filings = board["byKind"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == "Filing")!;
        filings["counts"]!["overdue"]!.GetValue<int>().ShouldBe(1);

        // The same for the person; nothing for a colleague; the pending one is on the paged list with its date.
        var mine = await Board(sales, $"mine=true&{Window}");
        States.Select(s => Count(mine, s)).ShouldBe([1, 1, 1, 0, 1, 1]);
        var colleague = await Board(marketing, $"staffId={await sales.StaffId("east.sales2")}&{Window}");
        States.Select(s => Count(colleague, s)).ShouldAllBe(n => n == 0);
        var pendingList = JsonNode.Parse(await marketing.GetStringAsync($"/api/v1/obligations?state=Pending&customerId={pending}"))!["items"]!.AsArray();
        pendingList.Single()!["dueOn"]!.GetValue<string>().ShouldBe("2022-10-10");

        // Filters: kind, due dates; list size.
        var reports = await Board(marketing, $"unitId={east}&{Window}&kind=ChangeReport");
        States.Select(s => Count(reports, s)).ShouldAllBe(n => n == 0);
        var lateSeptember = await Board(marketing, $"unitId={east}&dueFrom=2022-09-20&dueTo=2022-10-31");
        States.Select(s => Count(lateSeptember, s)).ShouldBe([1, 1, 0, 0, 0, 0]);
        (await Board(marketing, $"unitId={east}&{Window}&listSize=0"))["overdue"]!.AsArray().Count.ShouldBe(0);

        // A salesperson of the other region sees none of them, in the counts or in the lists.
        var south = await Board(await Api.As("south.sales1"), Window);
        States.Select(s => Count(south, s)).ShouldAllBe(n => n == 0);
        var southOfEast = await Board(await Api.As("south.manager"), $"unitId={east}&{Window}");
        States.Select(s => Count(southOfEast, s)).ShouldAllBe(n => n == 0);

        // The Monday after the make-up weekend: the due-soon one is overdue too, the pending one due today.
        Clock.SetShanghai(2022, 10, 10, 9);
        var later = await Board(marketing, $"unitId={east}&{Window}");
        States.Select(s => Count(later, s)).ShouldBe([0, 1, 2, 0, 1, 1]);
        Customers(later, "overdue").ShouldBe([overdue, dueSoon]);
        Customers(later, "dueSoon").ShouldBe([pending]);
    }

    [Fact]
    public async Task Every_demo_role_gets_a_board_whose_counts_match_the_paged_lists_of_each_state()
    {
        Clock.Set(null);
        foreach (var role in BolaMatrix.Roles)
        {
            var client = await Api.As(role);
            var board = await Board(client, "listSize=50");
            foreach (var state in States)
            {
                var list = JsonNode.Parse(await client.GetStringAsync($"/api/v1/obligations?state={state}&pageSize=1"))!;
                Count(board, state).ShouldBe(list["total"]!.GetValue<int>(), $"{role} {state}");
            }
            Customers(board, "overdue").Count.ShouldBe(Math.Min(50, Count(board, "Overdue")), role);
        }
        // The demo data's older filings are overdue, met on time or met late: the company's board shows them.
        var gm = await Board(await Api.As("gm"), "");
        new[] { "Overdue", "MetOnTime", "MetLate" }.ShouldAllBe(s => Count(gm, s) > 0);
    }

    [Fact]
    public async Task Bad_board_requests_answer_400_with_the_field()
    {
        var client = await Api.As("gm");
        foreach (var (query, field) in new[]
                 {
                     ("unitId=999999", "unitId"), ("staffId=999999", "staffId"), ("listSize=51", "listSize"),
                     ("dueFrom=2022-10-01&dueTo=2022-09-01", "dueTo"), ("mine=true&staffId=1", "staffId"),
                 })
        {
            var response = await client.GetAsync($"/api/v1/deadline-board?{query}");
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            var problem = JsonNode.Parse(body)!;
            problem["errors"].ShouldNotBeNull(body);
            problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field, query);
        }
        var unknownKind = await client.GetAsync("/api/v1/deadline-board?kind=Visit");
        unknownKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownKind.Body())["detail"]!.GetValue<string>().ShouldContain("kind");
    }
}

public sealed class DeadlineBoardTests(DeadlineBoardTests.Fixture fixture) : DeadlineBoardTestsBase(fixture), IClassFixture<DeadlineBoardTests.Fixture>
{
    public sealed class Fixture : ClockedSqliteApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Deadlines:ReminderInterval", "1.00:00:00")];
    }
}

public sealed class DeadlineBoardTestsOnSqlServer(DeadlineBoardTestsOnSqlServer.Fixture fixture)
    : DeadlineBoardTestsBase(fixture), IClassFixture<DeadlineBoardTestsOnSqlServer.Fixture>
{
    public sealed class Fixture : ClockedSqlServerApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Deadlines:ReminderInterval", "1.00:00:00")];
    }
}
