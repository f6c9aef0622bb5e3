using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Crm.Api.Features.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The API over HTTP on its own database with the demo data. Each test class gets a fresh database, so tests
/// create the records they change and never depend on another test's writes.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public const string DemoPassword = "Crm@demo2026";
    public const string TestSigningKey = "integration-tests-signing-key-0123456789abcdef";

    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Why this database engine cannot run here; tests call <see cref="Ready"/> and skip with it.</summary>
    public string? SkipReason { get; protected set; }

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException(SkipReason ?? "Fixture not initialised.");

    protected abstract Task<(string Provider, string ConnectionString)?> StartDatabaseAsync();

    protected virtual Task StopDatabaseAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        var database = await StartDatabaseAsync();
        if (database is not { } db)
        {
            Console.WriteLine($"[{GetType().Name}] {SkipReason}");
            return;
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", db.Provider);
            builder.UseSetting("Database:ConnectionString", db.ConnectionString);
            builder.UseSetting("Jwt:SigningKey", TestSigningKey);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("DemoData:Customers", "60");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(ExtraSettings()));
            builder.ConfigureTestServices(ConfigureServices);
        });
        // Starting the host migrates and seeds the database.
        _ = _factory.Server;
    }

    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    /// <summary>Replaces services after the application registered its own (e.g. the clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        await StopDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Skips the calling test, loudly, when the engine is absent.</summary>
    public ApiFixture Ready()
    {
        if (SkipReason is not null)
            Assert.Skip(SkipReason);
        return this;
    }

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client signed in as a demo user (tokens are cached per user for the fixture's lifetime).</summary>
    public async Task<HttpClient> As(string username, string password = DemoPassword)
    {
        if (!_tokens.TryGetValue(username, out var token))
        {
            var tokens = await SignIn(username, password);
            token = tokens.AccessToken;
            _tokens[username] = token;
        }
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<TokenResponse> SignIn(string username, string password = DemoPassword)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options))!;
    }

    public void ForgetToken(string username) => _tokens.TryRemove(username, out _);
}

public class SqliteApiFixture : ApiFixture
{
    private string? _folder;

    protected override Task<(string Provider, string ConnectionString)?> StartDatabaseAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "crm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        return Task.FromResult<(string, string)?>(("Sqlite", $"Data Source={Path.Combine(_folder, "crm.db")}"));
    }

    protected override Task StopDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The same suite against SQL Server 2022 in a Testcontainers container, where a Docker engine exists.</summary>
public class SqlServerApiFixture : ApiFixture
{
    private Testcontainers.MsSql.MsSqlContainer? _container;

    protected override async Task<(string Provider, string ConnectionString)?> StartDatabaseAsync()
    {
        if (!DockerEngine.IsReachable(out var why))
        {
            SkipReason = $"skipped: no Docker engine ({why}); the SQL Server suite runs where Docker is available (GitHub Actions).";
            return null;
        }
        _container = new Testcontainers.MsSql.MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await _container.StartAsync();
        var connectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(_container.GetConnectionString())
        {
            InitialCatalog = "Crm_" + Guid.NewGuid().ToString("N")[..8],
            TrustServerCertificate = true,
        }.ConnectionString;
        return ("SqlServer", connectionString);
    }

    protected override async Task StopDatabaseAsync()
    {
        if (_container is not null)
            await _container.DisposeAsync();
    }
}
