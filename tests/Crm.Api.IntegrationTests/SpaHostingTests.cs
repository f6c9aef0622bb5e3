using System.Net;
using System.Text.Json.Nodes;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crm.Api.IntegrationTests;

/// <summary>The API serves the built SPA at / (setting Spa:Root) with deep links falling back to index.html, and
/// the fallback never swallows /api, /swagger or /health routes.</summary>
public sealed class SpaHostingTests(SpaHostingTests.Fixture fixture) : IClassFixture<SpaHostingTests.Fixture>
{
    private const string Marker = "<!-- crm spa test build -->";

    public sealed class Fixture : SqliteApiFixture
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "crm-tests", "spa-" + Guid.NewGuid().ToString("N"));

        public Fixture()
        {
            Directory.CreateDirectory(Path.Combine(Root, "assets"));
            File.WriteAllText(Path.Combine(Root, "index.html"), $"<!doctype html><html><body><div id=\"root\"></div>{Marker}</body></html>");
            File.WriteAllText(Path.Combine(Root, "assets", "app-abc123.js"), "console.log('crm');");
        }

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Spa:Root", Root)];

        protected override async Task StopDatabaseAsync()
        {
            await base.StopDatabaseAsync();
            if (Directory.Exists(Root))
                Directory.Delete(Root, recursive: true);
        }
    }

    private ApiFixture Api => fixture.Ready();

    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/customers/42/edit")]
    [InlineData("/access/inbox?box=Inbox")]
    public async Task The_root_and_deep_links_answer_index_html_without_a_token(string path)
    {
        var response = await Api.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain(Marker);
        response.Headers.CacheControl!.NoCache.ShouldBeTrue("index.html must be revalidated so a new build shows at once");
    }

    [Fact]
    public async Task Hashed_assets_are_served_and_cached_and_a_missing_file_is_a_404_not_index_html()
    {
        var asset = await Api.Anonymous().GetAsync("/assets/app-abc123.js");
        asset.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asset.Content.ReadAsStringAsync()).ShouldContain("crm");
        asset.Headers.CacheControl!.ToString().ShouldContain("immutable");

        // A missing file is not a deep link: no index.html for it (anonymous callers get the API's usual 401).
        var missing = await (await Api.As("east.sales1")).GetAsync("/assets/missing-file.js");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldNotContain(Marker);
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api")]
    [InlineData("/API/v1/customers/999999999/nothing")]
    public async Task Unknown_api_routes_stay_problem_404s(string path)
    {
        var response = await (await Api.As("east.sales1")).GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<int>().ShouldBe(404);
    }

    [Fact]
    public async Task Api_routes_without_a_token_are_still_401_and_health_and_swagger_are_untouched()
    {
        (await Api.Anonymous().GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.Anonymous().GetAsync("/api/v1/no-such-thing")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.Anonymous().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var swagger = await Api.Anonymous().GetAsync("/swagger/v1/swagger.json");
        swagger.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await swagger.Content.ReadAsStringAsync()).ShouldNotContain("{*path");
        var unknownHealth = await Api.Anonymous().GetAsync("/health/nothing");
        (await unknownHealth.Content.ReadAsStringAsync()).ShouldNotContain(Marker);
    }
}

/// <summary>Without a SPA build the API starts and serves only itself.</summary>
public sealed class SpaAbsentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-tests", "nospa-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_missing_spa_folder_leaves_the_api_running_and_the_root_a_404()
    {
        Directory.CreateDirectory(_folder);
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "crm.db")}");
            builder.UseSetting("Jwt:SigningKey", ApiFixture.TestSigningKey);
            builder.UseSetting("DemoData:Enabled", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Spa:Root", Path.Combine(_folder, "no-such-dist"));
        });
        var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var root = await client.GetAsync("/customers/42");
        root.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await root.Content.ReadAsStringAsync()).ShouldNotContain("<!doctype html>");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
