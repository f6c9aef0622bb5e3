using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Common.Calendar;
using Crm.Api.Data;
using Crm.Api.Data.Seed;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 6 point 1 (working-day calendar) and point 9 (the clock) over HTTP. Every test sets the clock it needs.</summary>
public abstract class CalendarTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private TestClock Clock => ((IClockedFixture)fixture).Clock;

    private static async Task<JsonObject> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Body();
    }

    private static object Notice(params (string Date, string Name, bool Off)[] days) =>
        new { source = "https://www.gov.cn/zhengce/content/test.htm", days = days.Select(d => new { date = d.Date, name = d.Name, isOffDay = d.Off }) };

    [Fact]
    public async Task The_shipped_years_are_confirmed_with_their_official_working_days_and_later_years_show_as_missing()
    {
        Clock.SetShanghai(2028, 6, 1, 10);
        var client = await Api.As("east.sales1");

        var list = JsonNode.Parse((await (await client.GetAsync("/api/v1/calendar/years")).Content.ReadAsStringAsync()))!.AsArray();

        var byYear = list.ToDictionary(y => y!["year"]!.GetValue<int>());
        var expected = new Dictionary<int, int> { [2020] = 249, [2021] = 250, [2022] = 249, [2023] = 249, [2024] = 251, [2025] = 248, [2026] = 248 };
        foreach (var (year, workingDays) in expected)
        {
            byYear[year]!["confirmed"]!.GetValue<bool>().ShouldBeTrue($"{year}");
            byYear[year]!["workingDays"]!.GetValue<int>().ShouldBe(workingDays, $"{year}");
        }
        byYear[2025]!["origin"]!.GetValue<string>().ShouldBe("Shipped");
        byYear[2025]!["offDays"]!.GetValue<int>().ShouldBe(28);
        byYear[2025]!["makeUpWorkdays"]!.GetValue<int>().ShouldBe(5);
        foreach (var missing in new[] { 2028, 2029 })
        {
            byYear[missing]!["confirmed"]!.GetValue<bool>().ShouldBeFalse();
            byYear[missing]!["origin"]!.GetValue<string>().ShouldBe("None");
        }
        // From the first known year, without gaps, at least to next year (other tests may have added later years).
        var listed = list.Select(y => y!["year"]!.GetValue<int>()).ToList();
        listed.ShouldBe(Enumerable.Range(2020, listed.Count).ToList());
        listed.ShouldContain(2029);
    }

    [Fact]
    public async Task A_year_answers_its_listed_days_with_its_version_as_ETag()
    {
        var client = await Api.As("east.sales1");

        var response = await client.GetAsync("/api/v1/calendar/2025");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.ToString().ShouldStartWith("\"");
        var body = await response.Body();
        var days = body["days"]!.AsArray();
        days.Count.ShouldBe(33);
        days.Single(d => d!["date"]!.GetValue<string>() == "2025-01-26")!["isOffDay"]!.GetValue<bool>().ShouldBeFalse();
        body["year"]!["source"]!.GetValue<string>().ShouldContain("holiday-cn");

        var unknown = await client.GetAsync("/api/v1/calendar/2031");
        unknown.Headers.ETag.ShouldBeNull();
        var missing = await unknown.Body();
        (missing["year"]!["confirmed"]!.GetValue<bool>(), missing["days"]!.AsArray().Count).ShouldBe((false, 0));
    }

    [Theory]
    [InlineData("/api/v1/calendar/working-days?from=2025-01-24&to=2025-02-07", "workingDays", "5")]
    [InlineData("/api/v1/calendar/working-days?from=2024-12-31&to=2025-12-31", "workingDays", "248")]
    [InlineData("/api/v1/calendar/working-days?from=2025-02-07&to=2025-01-24", "workingDays", "-5")]
    [InlineData("/api/v1/calendar/add?date=2025-01-24&days=5", "result", "2025-02-07")]
    [InlineData("/api/v1/calendar/add?date=2024-02-08&days=5", "result", "2024-02-21")]
    [InlineData("/api/v1/calendar/add?date=2026-02-12&days=5", "result", "2026-02-26")]
    [InlineData("/api/v1/calendar/add?date=2025-02-07&days=-5", "result", "2025-01-24")]
    [InlineData("/api/v1/calendar/check?date=2025-01-26", "kind", "MakeUpWorkday")]
    [InlineData("/api/v1/calendar/check?date=2025-02-08", "holidayName", "春节")]
    [InlineData("/api/v1/calendar/check?date=2025-10-06", "kind", "Holiday")]
    [InlineData("/api/v1/calendar/check?date=2025-10-06", "dayOfWeek", "星期一")]
    public async Task Everyone_signed_in_can_count_add_and_check_working_days(string url, string field, string expected)
    {
        var body = await Get(await Api.As("south.sales1"), url);

        body[field]!.ToString().ShouldBe(expected);
        body["calendarConfirmed"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/v1/calendar/check?date=2025-13-01", "date")]
    [InlineData("/api/v1/calendar/check?date=25-01-01", "date")]
    [InlineData("/api/v1/calendar/add?date=2025-01-24&days=abc", "days")]
    [InlineData("/api/v1/calendar/add?date=2025-01-24&days=1001", "days")]
    [InlineData("/api/v1/calendar/add?date=2025-01-24", "days")]
    [InlineData("/api/v1/calendar/working-days?to=2025-01-24", "from")]
    [InlineData("/api/v1/calendar/working-days?from=2025-01-01&to=2300-01-01", "to")]
    [InlineData("/api/v1/calendar/1999", "year")]
    public async Task Malformed_queries_are_400_on_their_field(string url, string field)
    {
        var response = await (await Api.As("east.sales1")).GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        ProblemAssertions.ShouldHaveFieldError(await response.Body(), field);
    }

    [Fact]
    public async Task The_calendar_needs_a_signed_in_caller() =>
        (await Api.Anonymous().GetAsync("/api/v1/calendar/check?date=2025-01-01")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task An_administrator_adds_2027_and_a_deadline_across_new_year_becomes_confirmed_and_moves()
    {
        Clock.SetShanghai(2026, 12, 1, 9);
        var sales = await Api.As("east.sales1");
        var admin = await Api.As("admin");
        var before = await Get(sales, "/api/v1/calendar/add?date=2026-12-30&days=5");
        (before["result"]!.GetValue<string>(), before["calendarConfirmed"]!.GetValue<bool>()).ShouldBe(("2027-01-06", false));

        var created = await admin.PutJson("/api/v1/calendar/2027", Notice(("2027-01-01", "元旦", true), ("2027-01-02", "元旦", true),
            ("2027-01-03", "元旦", true), ("2027-02-20", "春节", false)), null);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldBe("/api/v1/calendar/2027");
        var etag = created.Headers.ETag!.ToString();
        var body = await created.Body();
        body["year"]!["origin"]!.GetValue<string>().ShouldBe("Administrator");
        body["year"]!["updatedBy"]!["name"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        // 261 weekdays, less Friday 01-01, plus Saturday 02-20.
        body["year"]!["workingDays"]!.GetValue<int>().ShouldBe(261);

        // Every deadline computed from now on uses it, on this instance at once.
        var after = await Get(sales, "/api/v1/calendar/add?date=2026-12-30&days=5");
        (after["result"]!.GetValue<string>(), after["calendarConfirmed"]!.GetValue<bool>()).ShouldBe(("2027-01-07", true));
        (await Get(sales, "/api/v1/calendar/check?date=2027-02-20"))["kind"]!.GetValue<string>().ShouldBe("MakeUpWorkday");

        // A correction needs the current ETag.
        var correction = Notice(("2027-01-01", "元旦", true), ("2027-01-02", "元旦", true), ("2027-01-03", "元旦", true));
        (await admin.PutJson("/api/v1/calendar/2027", correction, null)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await admin.PutJson("/api/v1/calendar/2027", correction, "\"999\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var corrected = await admin.PutJson("/api/v1/calendar/2027", correction, etag);
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        corrected.Headers.ETag!.ToString().ShouldNotBe(etag);
        (await Get(sales, "/api/v1/calendar/check?date=2027-02-20"))["kind"]!.GetValue<string>().ShouldBe("Weekend");
        (await admin.PutJson("/api/v1/calendar/2027", correction, etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Only_holders_of_admin_calendar_may_change_a_year()
    {
        foreach (var user in new[] { "marketing1", "gm", "east.sales1" })
        {
            var response = await (await Api.As(user)).PutJson("/api/v1/calendar/2032", Notice(("2032-01-01", "元旦", true)), null);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }
        (await Get(await Api.As("gm"), "/api/v1/calendar/2032"))["year"]!["confirmed"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_broken_notice_is_400_with_the_field_of_each_broken_day_and_changes_nothing()
    {
        var admin = await Api.As("admin");

        var response = await admin.PutJson("/api/v1/calendar/2033", Notice(
            ("2033-01-01", "元旦", true),
            ("2033-02-02", "春节", false),      // a Wednesday is no make-up working day
            ("2034-01-02", "元旦", true),       // not in 2033
            ("2033-01-01", "元旦", true),       // twice
            ("2033-05-01", "五一", true)), null); // not a holiday's name

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Body();
        problem["code"]!.GetValue<string>().ShouldBe("validation");
        foreach (var field in new[] { "days[1].date", "days[2].date", "days[3].date", "days[4].name" })
            ProblemAssertions.ShouldHaveFieldError(problem, field);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldNotContain("days[0].date");

        var malformed = await admin.PutJson("/api/v1/calendar/2033", new { days = new[] { new { date = "2033-02-30", name = "春节", isOffDay = true } } }, null);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldHaveFieldError(await malformed.Body(), "days[0].date");
        (await Get(admin, "/api/v1/calendar/2033"))["year"]!["confirmed"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_corrected_shipped_year_is_not_overwritten_when_the_seed_runs_again_at_start_up()
    {
        var admin = await Api.As("admin");
        var current = await admin.GetAsync("/api/v1/calendar/2022");
        var body = await current.Body();
        // The same days, with 国庆节 renamed as the combined block: working days do not change, the origin does.
        var days = body["days"]!.AsArray().Select(d => new
        {
            date = d!["date"]!.GetValue<string>(),
            name = d["name"]!.GetValue<string>() == "国庆节" ? "国庆节、中秋节" : d["name"]!.GetValue<string>(),
            isOffDay = d["isOffDay"]!.GetValue<bool>(),
        }).ToList();
        var corrected = await admin.PutJson("/api/v1/calendar/2022", new { source = "corrected by hand", days }, current.Headers.ETag!.ToString());
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());

        using (var scope = Api.Factory.Services.CreateScope())
        {
            var written = await CalendarSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), ShippedCalendar.All,
                DateTimeOffset.UtcNow, CancellationToken.None);
            written.ShouldNotContain(2022);
        }

        var after = await Get(admin, "/api/v1/calendar/2022");
        after["year"]!["origin"]!.GetValue<string>().ShouldBe("Administrator");
        after["year"]!["source"]!.GetValue<string>().ShouldBe("corrected by hand");
        after["year"]!["workingDays"]!.GetValue<int>().ShouldBe(249);
        after["days"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ShouldContain("国庆节、中秋节");
    }

    [Fact]
    public async Task Sending_a_year_exactly_as_it_stands_changes_nothing()
    {
        var admin = await Api.As("admin");
        var current = await admin.GetAsync("/api/v1/calendar/2024");
        var body = await current.Body();

        var same = await admin.PutJson("/api/v1/calendar/2024", new { source = body["year"]!["source"]!.GetValue<string>(), days = body["days"] },
            current.Headers.ETag!.ToString());

        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        same.Headers.ETag!.ToString().ShouldBe(current.Headers.ETag!.ToString());
        (await same.Body())["year"]!["origin"]!.GetValue<string>().ShouldBe("Shipped");
    }

    [Fact]
    public async Task Today_follows_the_clock_across_a_month_end_a_year_end_and_a_holiday_in_Shanghai()
    {
        var client = await Api.As("east.sales1");
        try
        {
            // 2025-01-31 23:59:59 in Shanghai: a Friday, but inside Spring Festival.
            Clock.SetShanghai(2025, 1, 31, 23, 59, 59);
            var friday = await Get(client, "/api/v1/calendar/check");
            (friday["date"]!.GetValue<string>(), friday["kind"]!.GetValue<string>(), friday["isWorkingDay"]!.GetValue<bool>())
                .ShouldBe(("2025-01-31", "Holiday", false));

            // One second later it is February: still the holiday, and the next working day is Wednesday 02-05.
            Clock.SetShanghai(2025, 2, 1, 0, 0, 0);
            (await Get(client, "/api/v1/calendar/check"))["date"]!.GetValue<string>().ShouldBe("2025-02-01");
            (await Get(client, "/api/v1/calendar/add?days=1"))["result"]!.GetValue<string>().ShouldBe("2025-02-05");
            // The UTC date is still 2025-01-31 at that moment: only Shanghai's counts.
            Clock.Set(new DateTimeOffset(2025, 1, 31, 16, 30, 0, TimeSpan.Zero));
            (await Get(client, "/api/v1/calendar/check"))["date"]!.GetValue<string>().ShouldBe("2025-02-01");

            // New Year's Eve 2028 → 2029: a year without a notice is answered by the weekday rule, unconfirmed.
            Clock.SetShanghai(2028, 12, 31, 23, 59, 59);
            var eve = await Get(client, "/api/v1/calendar/check");
            (eve["date"]!.GetValue<string>(), eve["calendarConfirmed"]!.GetValue<bool>()).ShouldBe(("2028-12-31", false));
            Clock.SetShanghai(2029, 1, 1, 0, 0, 1);
            var newYear = await Get(client, "/api/v1/calendar/check");
            (newYear["date"]!.GetValue<string>(), newYear["isWorkingDay"]!.GetValue<bool>(), newYear["calendarConfirmed"]!.GetValue<bool>())
                .ShouldBe(("2029-01-01", true, false));

            // The last day of 2025 to the first of 2026 is a known year end: 2026-01-01 is 元旦.
            Clock.SetShanghai(2026, 1, 1, 0, 0, 0);
            var yuandan = await Get(client, "/api/v1/calendar/check");
            (yuandan["date"]!.GetValue<string>(), yuandan["holidayName"]!.GetValue<string>(), yuandan["calendarConfirmed"]!.GetValue<bool>())
                .ShouldBe(("2026-01-01", "元旦", true));
        }
        finally
        {
            Clock.Set(null);
        }
    }

    [Fact]
    public async Task Another_instance_s_change_reaches_this_one_within_the_refresh_interval()
    {
        Clock.Set(null);
        var client = await Api.As("east.sales1");
        (await Get(client, "/api/v1/calendar/check?date=2035-05-02"))["isWorkingDay"]!.GetValue<bool>().ShouldBeTrue();

        // Another instance writes 2035 straight into the shared database; this instance has not been told.
        using (var scope = Api.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.CalendarYears.Add(Domain.Calendar.CalendarYear.Enter(2035, null,
                [new Domain.Calendar.CalendarOverride(new DateOnly(2035, 5, 2), "劳动节", true)], DateTimeOffset.UtcNow, await client.StaffId("admin")));
            await db.SaveChangesAsync();
        }

        // Within Calendar:RefreshSeconds (1 s in this fixture) the stamp check picks it up.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonObject day;
        do
        {
            await Task.Delay(250);
            day = await Get(client, "/api/v1/calendar/check?date=2035-05-02");
        } while (day["isWorkingDay"]!.GetValue<bool>() && DateTime.UtcNow < deadline);
        (day["isWorkingDay"]!.GetValue<bool>(), day["kind"]!.GetValue<string>(), day["calendarConfirmed"]!.GetValue<bool>()).ShouldBe((false, "Holiday", true));
    }
}

public sealed class CalendarTests(CalendarTests.Fixture fixture) : CalendarTestsBase(fixture), IClassFixture<CalendarTests.Fixture>
{
    public sealed class Fixture : ClockedSqliteApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Calendar:RefreshSeconds", "1")];
    }
}

public sealed class CalendarTestsOnSqlServer(CalendarTestsOnSqlServer.Fixture fixture) : CalendarTestsBase(fixture), IClassFixture<CalendarTestsOnSqlServer.Fixture>
{
    public sealed class Fixture : ClockedSqlServerApiFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Calendar:RefreshSeconds", "1")];
    }
}
