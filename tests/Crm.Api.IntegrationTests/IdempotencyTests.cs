using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.Data;
using Crm.Api.Domain.Integration;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>Issue 9 point 2: the Idempotency-Key header on POST and PATCH.</summary>
public abstract class IdempotencyTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    private static HttpRequestMessage Post(string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: Json.Options) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<int> CountNamed(string name)
    {
        var page = await (await (await Api.As("gm")).GetAsync($"/api/v1/customers?q={Uri.EscapeDataString(name)}")).Body();
        return page["total"]!.GetValue<int>();
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_response_and_creates_one_customer()
    {
        var sales = await Api.As("east.sales1");
        var name = TestData.UniqueName("幂等");
        var body = TestData.NewCustomer(name);
        var key = Guid.NewGuid().ToString();

        var first = await sales.SendAsync(Post("/api/v1/customers", body, key));
        var second = await sales.SendAsync(Post("/api/v1/customers", body, key));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await CountNamed(name)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_nothing_is_created()
    {
        var sales = await Api.As("east.sales1");
        var key = Guid.NewGuid().ToString();
        (await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("首个")), key))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var otherName = TestData.UniqueName("另一个");
        var reused = await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(otherName), key));

        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        reused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await reused.Body())["code"]!.GetValue<string>().ShouldBe("idempotencyKeyReused");
        (await CountNamed(otherName)).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_still_in_flight_is_409()
    {
        var sales = await Api.As("east.sales1");
        var me = (await (await sales.GetAsync("/api/v1/me")).Body())["id"]!.GetValue<long>();
        var key = Guid.NewGuid().ToString();
        using (var scope = Api.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.IdempotencyRecords.Add(new IdempotencyRecord($"user:{me}", key, new string('0', 64), "POST", "/api/v1/customers", now, now.AddHours(24)));
            await db.SaveChangesAsync();
        }
        var name = TestData.UniqueName("进行中");

        var response = await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(name), key));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("idempotencyKeyInFlight");
        (await CountNamed(name)).ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_make_one_customer()
    {
        var sales = await Api.As("east.sales1");
        var name = TestData.UniqueName("并发");
        var body = TestData.NewCustomer(name);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sales.SendAsync(Post("/api/v1/customers", body, key))));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.Created);
        (await CountNamed(name)).ShouldBe(1);
    }

    [Fact]
    public async Task Keys_belong_to_their_caller_two_people_or_clients_with_one_key_are_independent()
    {
        var key = Guid.NewGuid().ToString();
        var eastName = TestData.UniqueName("甲方");
        var southName = TestData.UniqueName("乙方");

        var east = await (await Api.As("east.sales1")).SendAsync(Post("/api/v1/customers", TestData.NewCustomer(eastName), key));
        var south = await (await Api.As("south.sales1")).SendAsync(Post("/api/v1/customers", TestData.NewCustomer(southName), key));
        var client = await Api.AsApiClient(await Api.CreateApiClient("幂等系统", ["customers:read", "customers:write"]));
        var clientName = TestData.UniqueName("丙方");
        var byClient = await client.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(clientName), key));

        (east.StatusCode, south.StatusCode, byClient.StatusCode).ShouldBe((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created));
        south.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await CountNamed(eastName), await CountNamed(southName), await CountNamed(clientName)).ShouldBe((1, 1, 1));
    }

    [Fact]
    public async Task Without_a_key_every_post_has_its_effect_and_a_too_long_key_is_400()
    {
        var sales = await Api.As("east.sales1");
        var name = TestData.UniqueName("无键");
        (await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(name), null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(name), null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CountNamed(name)).ShouldBe(2);

        var tooLong = await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(TestData.UniqueName("长键")), new string('k', 256)));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_expired_key_starts_afresh()
    {
        var sales = await Api.As("east.sales1");
        var key = Guid.NewGuid().ToString();
        var name = TestData.UniqueName("过期");
        (await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(name), key))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using (var scope = Api.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var record = await db.IdempotencyRecords.SingleAsync(r => r.Key == key);
            db.Entry(record).Property(r => r.ExpiresAt).CurrentValue = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var again = await sales.SendAsync(Post("/api/v1/customers", TestData.NewCustomer(name), key));

        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await CountNamed(name)).ShouldBe(2);
    }

    [Fact]
    public async Task The_contract_documents_the_optional_header_with_409_and_422_on_post_operations()
    {
        var document = JsonNode.Parse(await Api.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var create = document["paths"]!["/api/v1/customers"]!["post"]!;
        var header = create["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
        header["in"]!.GetValue<string>().ShouldBe("header");
        (header["required"]?.GetValue<bool>() ?? false).ShouldBeFalse();
        create["responses"]!.AsObject().ContainsKey("409").ShouldBeTrue();
        create["responses"]!.AsObject().ContainsKey("422").ShouldBeTrue();
        var signIn = document["paths"]!["/api/v1/auth/token"]!["post"]!;
        (signIn["parameters"]?.AsArray() ?? []).ShouldNotContain(p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
        signIn["requestBody"]!["content"]!.AsObject().ContainsKey("application/x-www-form-urlencoded").ShouldBeTrue();
    }
}

public sealed class IdempotencyTests(SqliteApiFixture fixture) : IdempotencyTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class IdempotencyTestsOnSqlServer(SqlServerApiFixture fixture) : IdempotencyTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
