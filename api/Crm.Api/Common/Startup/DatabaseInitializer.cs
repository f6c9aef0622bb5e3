using Crm.Api.Common.Calendar;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Data.DemoData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.Startup;

public sealed class DemoDataOptions
{
    public const string Section = "DemoData";

    /// <summary>Seeds the demo company, its users (one documented password) and customers into an empty database.</summary>
    public bool Enabled { get; set; }

    public int Customers { get; set; } = 300;

    /// <summary>The demo users' one password. Only meaningful while <see cref="Enabled"/> is on.</summary>
    public string Password { get; set; } = "Crm@demo2026";
}

public static class DatabaseInitializer
{
    /// <summary>True inside <c>dotnet ef</c> or the build-time OpenAPI generator, which run Program.cs but must not touch a database.</summary>
    public static bool IsDesignTime =>
        EF.IsDesignTime || AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "GetDocument.Insider");

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (IsDesignTime || !options.MigrateOnStartup)
            return;

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        await RoleCatalog.EnsureBuiltInRolesAsync(db, CancellationToken.None);
        await CalendarSeeder.SeedAsync(db, Data.Seed.ShippedCalendar.All, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
        await Features.Classification.SchemeCatalog.EnsurePresetsAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);

        var demo = app.Configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>() ?? new DemoDataOptions();
        if (demo.Enabled)
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(demo, CancellationToken.None);
    }
}
