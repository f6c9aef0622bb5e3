using Crm.Api.Common.Calendar;
using Crm.Api.Data;
using Crm.Api.Data.Seed;
using Crm.Api.Domain.Calendar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests;

/// <summary>The shipped notices as seed data on a freshly migrated database: idempotent, and an administrator's year is theirs.</summary>
public sealed class CalendarSeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    private SqliteCrmDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(_connection).Options);

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task The_first_start_writes_the_seven_years_and_later_starts_write_nothing()
    {
        await using (var db = NewContext())
            (await CalendarSeeder.SeedAsync(db, ShippedCalendar.All, Now, default)).ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
        await using (var db = NewContext())
        {
            (await CalendarSeeder.SeedAsync(db, ShippedCalendar.All, Now, default)).ShouldBeEmpty();
            var stored = await db.CalendarYears.Include(y => y.Days).OrderBy(y => y.Year).ToListAsync();
            stored.Select(y => (y.Year, y.Version, y.IsFromSeed)).ShouldAllBe(y => y.Version == 1 && y.IsFromSeed);
            stored.Sum(y => y.Days.Count).ShouldBe(ShippedCalendar.All.Sum(y => y.Days.Count));
            stored.Single(y => y.Year == 2023).Days.Select(d => d.Date).ShouldContain(new DateOnly(2022, 12, 31));
            WorkingCalendar.Build(stored.Select(y => y.ToNotice())).WorkingDaysIn(2020).ShouldBe(249);
        }
    }

    [Fact]
    public async Task A_changed_shipped_file_updates_an_untouched_year_but_never_one_an_administrator_wrote()
    {
        await using (var db = NewContext())
            await CalendarSeeder.SeedAsync(db, ShippedCalendar.All, Now, default);
        await using (var db = NewContext())
        {
            var y2021 = await db.CalendarYears.Include(y => y.Days).SingleAsync(y => y.Year == 2021);
            y2021.Replace("by hand", y2021.ToNotice().Days, Now, byStaffId: 1);
            // This bare database has no staff to point at; what matters is that the edit cleared the seed hash.
            db.Entry(y2021).Property(y => y.UpdatedById).CurrentValue = null;
            await db.SaveChangesAsync();
        }

        // A new release fixes a name in 2021 and 2024.
        var release = ShippedCalendar.All.Select(y => y.Year is 2021 or 2024
            ? y with { Days = y.Days.Select((d, i) => i == 0 ? d with { Name = "元旦、春节" } : d).ToList(), Hash = new string('F', 64) }
            : y).ToList();
        await using (var db = NewContext())
            (await CalendarSeeder.SeedAsync(db, release, Now, default)).ShouldBe([2024]);

        await using (var db = NewContext())
        {
            var y2021 = await db.CalendarYears.Include(y => y.Days).SingleAsync(y => y.Year == 2021);
            (y2021.Source, y2021.Days.OrderBy(d => d.Date).First().Name).ShouldBe(("by hand", "元旦"));
            var y2024 = await db.CalendarYears.Include(y => y.Days).SingleAsync(y => y.Year == 2024);
            (y2024.Version, y2024.IsFromSeed, y2024.Days.OrderBy(d => d.Date).First().Name).ShouldBe((2, true, "元旦、春节"));
        }
    }
}
