using Crm.Api.Data;
using Crm.Api.Data.Seed;
using Crm.Api.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common.Calendar;

/// <summary>Writes the shipped holiday notices into the database at start-up; safe to run on every start and on several instances.</summary>
public static class CalendarSeeder
{
    /// <summary>
    /// Adds each shipped year the database lacks, and refreshes a year that is still exactly as shipped when its file has
    /// changed since. A year an administrator entered or corrected is left alone.
    /// </summary>
    /// <returns>The years written.</returns>
    public static async Task<IReadOnlyList<int>> SeedAsync(CrmDbContext db, IReadOnlyList<ShippedYear> shipped, DateTimeOffset now, CancellationToken ct)
    {
        var years = shipped.Select(s => s.Year).ToList();
        var existing = await db.CalendarYears.Include(y => y.Days).Where(y => years.Contains(y.Year)).ToDictionaryAsync(y => y.Year, ct);
        var written = new List<int>();
        foreach (var year in shipped)
        {
            if (!existing.TryGetValue(year.Year, out var stored))
                db.CalendarYears.Add(CalendarYear.FromSeed(year.Year, year.Source, year.Days, year.Hash, now));
            else if (stored.IsFromSeed && stored.SeedHash != year.Hash)
                stored.ReplaceFromSeed(year.Source, year.Days, year.Hash, now);
            else
                continue;
            written.Add(year.Year);
        }
        if (written.Count == 0)
            return written;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting on the same database seeded it first: its rows are the same data.
            db.ChangeTracker.Clear();
            return [];
        }
        return written;
    }
}
