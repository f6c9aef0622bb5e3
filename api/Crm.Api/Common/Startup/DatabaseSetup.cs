using System.Data.Common;
using System.Runtime.CompilerServices;
using Crm.Api.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Api.Common.Startup;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a relative <c>Data Source</c> is resolved against the content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/crm.db";

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>SQLite page cache per connection, in KiB.</summary>
    public int SqliteCacheSizeKiB { get; set; } = 16 * 1024;

    /// <summary>How much of the SQLite file is memory-mapped, in MiB: reads then cost no system call.</summary>
    public int SqliteMmapSizeMiB { get; set; } = 1024;

    /// <summary>SQLite's durability: Full (default) makes every acknowledged write — audit entries included — survive a
    /// power loss; Normal (WAL) survives a crash of the process only, for faster commits.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;
}

public enum SqliteSynchronous
{
    Full,
    Normal,
}

public static class DatabaseSetup
{
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<SqlServerCrmDbContext>(o => o.UseSqlServer(options.ConnectionString).ConfigureWarnings(IgnoreCountWarning));
            services.AddScoped<CrmDbContext>(sp => sp.GetRequiredService<SqlServerCrmDbContext>());
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
            // A fresh clone has no data/ folder yet; SQLite creates the file but not its folder.
            var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (Path.IsPathRooted(dataSource) && Path.GetDirectoryName(dataSource) is { Length: > 0 } folder)
                Directory.CreateDirectory(folder);
            services.AddDbContext<SqliteCrmDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(options)).ConfigureWarnings(IgnoreCountWarning));
            services.AddScoped<CrmDbContext>(sp => sp.GetRequiredService<SqliteCrmDbContext>());
        }
        return services;
    }

    /// <summary>Capped counts (<c>Take(n).Count()</c>) need no order; the warning would fire on every list.</summary>
    private static void IgnoreCountWarning(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    public static string SqliteConnectionString(string configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DefaultTimeout == 30)
            builder.DefaultTimeout = 15;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Per-connection settings: durability as configured (power-loss safe by default); reads are memory-mapped.
    /// Applied once per native connection: pooled connections keep them across logical opens.</summary>
    private sealed class SqlitePragmas(DatabaseOptions options) : DbConnectionInterceptor
    {
        private readonly ConditionalWeakTable<object, object> _prepared = new();

        private readonly string _pragmas =
            $"PRAGMA synchronous={options.SqliteSynchronous.ToString().ToUpperInvariant()}; PRAGMA foreign_keys=ON; PRAGMA cache_size=-{options.SqliteCacheSizeKiB}; " +
            $"PRAGMA mmap_size={(long)options.SqliteMmapSizeMiB * 1024 * 1024};";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            var handle = ((SqliteConnection)connection).Handle;
            if (handle is null || _prepared.TryGetValue(handle, out _))
                return;
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            _prepared.AddOrUpdate(handle, handle);
        }
    }
}
