using Crm.Api.Data;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests;

/// <summary>The SQLite connection settings the API applies to every connection it opens.</summary>
public sealed class SqliteSettingsTests(SqliteApiFixture fixture) : IClassFixture<SqliteApiFixture>
{
    [Fact]
    public async Task Connections_default_to_power_loss_safe_commits_WAL_and_a_memory_map()
    {
        using var scope = fixture.Ready().Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        async Task<string> Pragma(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        (await Pragma("synchronous")).ShouldBe("2", "2 is FULL");
        (await Pragma("journal_mode")).ShouldBe("wal");
        (await Pragma("foreign_keys")).ShouldBe("1");
        (await Pragma("mmap_size")).ShouldBe((1024L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
