using Crm.Api.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests;

/// <summary>Each provider's migration set covers the model, so a model change without a migration fails here.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_cover_the_model()
    {
        using var context = Sqlite("Data Source=:memory:");

        context.Database.GetMigrations().ShouldNotBeEmpty();
        context.Database.HasPendingModelChanges().ShouldBeFalse(
            "The model has changes no SQLite migration covers: run dotnet ef migrations add <Name> --context SqliteCrmDbContext " +
            "--output-dir Data/Migrations/Sqlite for this provider.");
    }

    [Fact]
    public void The_SQL_Server_migrations_cover_the_model()
    {
        using var context = new SqlServerCrmDbContext(new DbContextOptionsBuilder<SqlServerCrmDbContext>()
            .UseSqlServer("Server=none;Database=x;TrustServerCertificate=true").Options);

        context.Database.GetMigrations().ShouldNotBeEmpty();
        context.Database.HasPendingModelChanges().ShouldBeFalse(
            "The model has changes no SQL Server migration covers: run dotnet ef migrations add <Name> --context SqlServerCrmDbContext " +
            "--output-dir Data/Migrations/SqlServer for this provider.");
    }

    [Fact]
    public void The_two_providers_have_separate_migration_sets()
    {
        using var sqlite = Sqlite("Data Source=:memory:");
        using var sqlServer = new SqlServerCrmDbContext(new DbContextOptionsBuilder<SqlServerCrmDbContext>()
            .UseSqlServer("Server=none;Database=x;TrustServerCertificate=true").Options);

        sqlite.Database.GetMigrations().Intersect(sqlServer.Database.GetMigrations()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fresh_SQLite_database_migrated_from_zero_has_every_table()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var context = new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(connection).Options);

        (await context.Database.GetAppliedMigrationsAsync()).ShouldBeEmpty();
        await context.Database.MigrateAsync();

        (await context.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        foreach (var table in new[] { "Customers", "KeyPersons", "CustomerHistory", "OrgUnits", "Staff", "RefreshTokens", "CustomerSearchTerms" })
            tables.ShouldContain(table);
        (await context.OrgUnits.CountAsync()).ShouldBe(0);
    }

    private static SqliteCrmDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(connectionString).Options);
}
