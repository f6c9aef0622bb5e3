using Crm.Api.Common.Security;
using System.Diagnostics;
using System.Globalization;
using Crm.Api.Common.Startup;
using Crm.Api.Data;
using Crm.Api.Data.DemoData;
using Crm.Api.Data.Seed;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Org;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Benchmarks.Generate;

/// <summary>
/// Builds a large, realistic SQLite database for load tests: the demo company and users through the API's own
/// seeder, a bigger sales organisation through EF, then the customers through raw prepared INSERTs, which are
/// one to two orders of magnitude faster than EF for millions of rows.
/// </summary>
internal static class BenchmarkDatabaseGenerator
{
    private const int RowsPerTransaction = 50_000;
    private static readonly string[] BulkTables = ["Customers", "KeyPersons", "CustomerSearchTerms", "CustomerCoServers", "CustomerTags", "BusinessFacts", "Obligations"];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var path = Path.GetFullPath(options.RequiredText("db"));
        var customers = options.Number("customers", 1_000_000, 0, 50_000_000);
        var seed = options.Number("seed", 42, 0, int.MaxValue);
        var factMonths = options.Number("fact-months", 12, 0, 120);
        var password = options.Text("password", new DemoDataOptions().Password);
        options.RejectUnknown();

        var total = Stopwatch.StartNew();
        DeleteDatabaseFiles(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

        SalesForce salesForce;
        long reviewerId;
        IModel model;
        await using (var db = new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(connectionString).Options))
        {
            var step = Stopwatch.StartNew();
            CreateSchema(db);
            await RoleCatalog.EnsureBuiltInRolesAsync(db, CancellationToken.None);
            await Crm.Api.Features.Classification.SchemeCatalog.EnsurePresetsAsync(db, TimeProvider.System.GetUtcNow(), CancellationToken.None);
            var hasher = new PasswordHasher<Staff>();
            await new DemoDataSeeder(db, hasher, TimeProvider.System)
                .SeedAsync(new DemoDataOptions { Enabled = true, Customers = 0, Password = password }, CancellationToken.None);
            salesForce = await SalesForce.CreateAsync(db, hasher, password);
            reviewerId = await db.Staff.Where(s => s.Username == "marketing1").Select(s => s.Id).SingleAsync();
            model = db.Model;
            Console.WriteLine($"schema, demo users and {salesForce.Owners.Count} owners over {salesForce.UnitCount} sales units: {step.Elapsed.TotalSeconds:F1} s");
        }

        await using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=OFF;");
            var step = Stopwatch.StartNew();
            var indexes = DropSecondaryIndexes(connection);
            InsertCustomers(connection, model, salesForce, reviewerId, customers, seed, factMonths);
            Console.WriteLine($"customers inserted: {step.Elapsed.TotalSeconds:F1} s");

            step.Restart();
            foreach (var sql in indexes)
                Execute(connection, sql);
            Console.WriteLine($"{indexes.Count} indexes rebuilt: {step.Elapsed.TotalSeconds:F1} s");

            step.Restart();
            Execute(connection, "PRAGMA optimize; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
            Console.WriteLine($"ANALYZE: {step.Elapsed.TotalSeconds:F1} s");

            foreach (var table in new[] { "OrgUnits", "Staff" }.Concat(BulkTables))
                Console.WriteLine($"  {table,-20} {Scalar(connection, $"SELECT count(*) FROM \"{table}\""),12:N0} rows");
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"done in {total.Elapsed.TotalSeconds:F1} s: {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F0} MiB)");
        return 0;
    }

    /// <summary>The benchmark runs on the schema the product's migrations create.</summary>
    private static void CreateSchema(CrmDbContext db) => db.Database.Migrate();

    private static void InsertCustomers(SqliteConnection connection, IModel model, SalesForce salesForce, long reviewerId, int count, int seed, int factMonths)
    {
        using var customersTable = new BulkTableWriter(connection, model, typeof(Customer),
            "Id", "Code", "Name", "CreditCode", "EnterpriseNature", "SupervisingUnit", "Industry", "RegisteredCapital", "TotalAssets",
            "FoundedOn", "Address", "Region", "Category", "Grade", "GradeOverridden", "Status", "RiskFlags", "FirstContactOn", "CooperationStartOn",
            "OwningUnitId", "OwnerId", "ServiceUnitId", "IsArchived", "ArchivedAt", "CreatedAt", "CreatedById", "UpdatedAt", "UpdatedById", "Version",
            "ChangeSeq");
        using var keyPersonsTable = new BulkTableWriter(connection, model, typeof(KeyPerson),
            "Id", "CustomerId", "Name", "Title", "Level", "Phone", "Email", "Birthday", "Anniversaries", "Personality", "Interests",
            "Education", "Age", "Family", "Version");
        using var searchTermsTable = new BulkTableWriter(connection, model, typeof(CustomerSearchTerm), "Term", "CustomerId");
        using var coServersTable = new BulkTableWriter(connection, model, typeof(CustomerCoServer), "CustomerId", "StaffId");
        using var tagsTable = new BulkTableWriter(connection, model, typeof(CustomerTag), "CustomerId", "Tag");
        using var factsTable = new BulkTableWriter(connection, model, typeof(BusinessFact),
            "Id", "CustomerId", "Month", "OrderAmount", "Volume", "VolumeUnit", "ProfitContribution", "DaysOverdue", "OnTimePaymentRatio",
            "ShareOfWallet", "Referrals", "BadCredit", "Source", "UpdatedAt", "UpdatedById", "Version", "ChangeSeq");
        using var obligationsTable = new BulkTableWriter(connection, model, typeof(Obligation),
            "Id", "Kind", "CustomerId", "OwningUnitId", "ResponsibleId", "TriggeredOn", "DueOn", "CalendarConfirmed", "ChangedFields", "Status",
            "SubmittedOn", "SubmittedAt", "SubmittedById", "Submissions", "DecidedAt", "DecidedById", "ReturnedReason", "MetOn", "ReminderCount",
            "LastRemindedOn", "CreatedAt", "Version");
        BulkTableWriter[] writers = [customersTable, keyPersonsTable, searchTermsTable, coServersTable, tagsTable, factsTable, obligationsTable];
        var calendar = ShippedCalendar.Calendar();
        // Fewer overdue filings than the demo's tenth: a real company chases them. Still tens of thousands on a million.
        var filings = new SampleFilings(SubmittedShare: 0.97, AwaitingReviewShare: 0.005);

        var names = new ChineseNames(seed);
        names.Reserve(DemoDataSeeder.EastFixedCustomerName);
        names.Reserve(DemoDataSeeder.SouthFixedCustomerName);
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var china = TimeSpan.FromHours(8);
        long keyPersonId = 0;
        long factId = 0;
        long changeSeq = 0;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        // The months a rating run reads: the twelve whole months before this one (GradingInput.WindowOf).
        var factMonthsList = Enumerable.Range(1, factMonths).Select(i => thisMonth.AddMonths(-i)).Reverse().ToArray();
        var clock = Stopwatch.StartNew();

        for (var batchStart = 0; batchStart < count; batchStart += RowsPerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var writer in writers)
                writer.Prepare(transaction);
            var batchEnd = Math.Min(count, batchStart + RowsPerTransaction);
            for (var i = batchStart; i < batchEnd; i++)
            {
                long id = i + 1;
                var (owner, details) = id switch
                {
                    1 => (salesForce.EastSales1, names.Customer(ChineseNames.CityNamed("上海"), today, DemoDataSeeder.EastFixedCustomerName,
                        ChineseNames.Industries.First(x => x.NameWord == "贸易"))),
                    2 => (salesForce.SouthSales1, names.Customer(ChineseNames.CityNamed("广州"), today, DemoDataSeeder.SouthFixedCustomerName,
                        ChineseNames.Industries.First(x => x.NameWord == "建材"))),
                    _ => NewCustomer(),
                };
                var createdAt = new DateTimeOffset(details.FirstContactOn!.Value.AddDays(names.Random.Next(6)).ToDateTime(new TimeOnly(9, 0)), china)
                    .AddMinutes(names.Random.Next(9 * 60));
                if (createdAt > now)
                    createdAt = now;
                var updatedAt = createdAt.AddDays(names.Random.Next(Math.Max(1, (int)(now - createdAt).TotalDays)));
                var archived = details.Status == CustomerStatus.Lost && names.Chance(0.3);
                long? serviceUnitId = names.Chance(0.2) ? salesForce.ServiceUnitId : null;

                customersTable.Insert(
                    id, "KH" + id.ToString("D7", CultureInfo.InvariantCulture), details.Name, details.CreditCode, details.EnterpriseNature,
                    details.SupervisingUnit, details.Industry, details.RegisteredCapital, details.TotalAssets, details.FoundedOn, details.Address,
                    details.Region, details.Category, details.Grade, false, details.Status, details.RiskFlags, details.FirstContactOn,
                    details.CooperationStartOn, owner.UnitId, owner.StaffId, serviceUnitId, archived, archived ? updatedAt : null, createdAt,
                    owner.StaffId, updatedAt, owner.StaffId, 1 + names.Random.Next(6), ++changeSeq);

                var keyPersons = 1 + names.Random.Next(3);
                for (var rank = 0; rank < keyPersons; rank++)
                {
                    var person = names.KeyPerson(rank, today);
                    keyPersonsTable.Insert(
                        ++keyPersonId, id, person.Name, person.Title, person.Level, person.Phone, person.Email, person.Birthday,
                        person.Anniversaries, person.Personality, person.Interests, person.Education, person.Age, person.Family, 1);
                }

                foreach (var term in SearchTerms.ForName(details.Name))
                    searchTermsTable.Insert(term, id);

                if (names.Chance(0.1))
                    foreach (var coServer in salesForce.CoServersFor(owner, names))
                        coServersTable.Insert(id, coServer);

                foreach (var tag in names.Tags(details, today))
                    tagsTable.Insert(id, tag);

                var filing = filings.For(id, owner.UnitId, owner.StaffId, details.FirstContactOn!.Value, createdAt, today, reviewerId, calendar, names.Random);
                // Overdue ones were already reminded today, so the API's first reminder pass does not write while the benchmark measures.
                var remindedToday = filing.IsOpen && filing.DueOn < today;
                obligationsTable.Insert(id, filing.Kind, id, filing.OwningUnitId, filing.ResponsibleId, filing.TriggeredOn, filing.DueOn,
                    filing.CalendarConfirmed, filing.ChangedFields, filing.Status, filing.SubmittedOn, filing.SubmittedAt, filing.SubmittedById,
                    filing.Submissions, filing.DecidedAt, filing.DecidedById, filing.ReturnedReason, filing.MetOn, remindedToday ? 1 + names.Random.Next(4) : 0,
                    remindedToday ? today : null, filing.CreatedAt, filing.Version);

                // Every customer gets the full window, so a rating run reads the worst case: twelve months each.
                var baseVolume = BaseMonthlyVolume(details.Category, names.Random);
                var price = names.Random.Next(550, 751);
                var share = details.Category is CustomerCategory.FirstTierAgent or CustomerCategory.SecondTierAgent ? Math.Round(0.2m + names.Random.Next(70) / 100m, 2) : (decimal?)null;
                var latePayer = names.Chance(0.12);
                var badPayer = names.Chance(0.02);
                foreach (var month in factMonthsList)
                {
                    var volume = Math.Round(baseVolume * (80 + names.Random.Next(41)) / 100m, 1);
                    var amount = volume * price;
                    var overdue = badPayer ? 90 + names.Random.Next(61) : latePayer ? 15 + names.Random.Next(46) : 0;
                    factsTable.Insert(++factId, id, month, amount, volume, "t", Math.Round(amount * 0.08m, 2), overdue,
                        overdue == 0 ? 1m : 0.75m, share, names.Chance(0.03) ? 1 : 0, badPayer && overdue > 120, "benchmark", updatedAt, owner.StaffId, 1,
                        ++changeSeq);
                }
            }
            transaction.Commit();
            Console.Write($"\r  {batchEnd,12:N0} / {count:N0} customers, {batchEnd / Math.Max(0.001, clock.Elapsed.TotalSeconds),8:N0}/s");
        }
        if (count > 0)
            Console.WriteLine();
        foreach (var writer in writers)
            Console.WriteLine($"  {writer.Table,-20} {writer.Rows,12:N0} rows written");
        // The demo seeder's records were numbered by EF before; continue after the highest number in use.
        Execute(connection, $"UPDATE \"SyncSequences\" SET \"Value\" = (SELECT max(m) FROM (SELECT max(\"ChangeSeq\") AS m FROM \"Customers\" " +
                            $"UNION ALL SELECT max(\"ChangeSeq\") FROM \"BusinessFacts\" UNION ALL SELECT \"Value\" FROM \"SyncSequences\")) WHERE \"Id\" = 1");

        (SalesForce.Owner, CustomerDetails) NewCustomer()
        {
            var owner = salesForce.PickOwner(names);
            return (owner, names.Customer(salesForce.CityFor(owner, names), today));
        }
    }

    private static int BaseMonthlyVolume(CustomerCategory category, Random random) => category switch
    {
        CustomerCategory.FirstTierAgent => random.Next(1_500, 7_001),
        CustomerCategory.StrategicPartner => random.Next(2_000, 6_001),
        CustomerCategory.SecondTierAgent => random.Next(300, 1_501),
        CustomerCategory.ProjectOwner => random.Next(100, 2_001),
        CustomerCategory.EndUser => random.Next(50, 801),
        CustomerCategory.Distributor => random.Next(100, 601),
        CustomerCategory.OtherBrandAgent => random.Next(50, 301),
        CustomerCategory.Retailer => random.Next(20, 151),
        CustomerCategory.Designer => 0,
        _ => random.Next(10, 101),
    };

    /// <summary>Indexes built once over sorted data are far cheaper than millions of random b-tree inserts.</summary>
    private static List<string> DropSecondaryIndexes(SqliteConnection connection)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", BulkTables.Select(t => "'" + t + "'"))})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
            Execute(connection, $"DROP INDEX \"{name}\"");
        return indexes.Select(i => i.Sql).ToList();
    }

    private static void DeleteDatabaseFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            File.Delete(file);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
