using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Api.Domain.Calendar;

namespace Crm.Api.Data.Seed;

/// <summary>One shipped year (Data/Seed/cn-calendar/YYYY.json) with the hash that tells whether the database still holds it as shipped.</summary>
public sealed record ShippedYear(int Year, string? Source, IReadOnlyList<CalendarOverride> Days, string Hash)
{
    public CalendarNotice ToNotice() => new(Year, Days);
}

/// <summary>The official holiday notices that ship with Crm, embedded in the assembly (see README.md beside the files).</summary>
public static class ShippedCalendar
{
    private const string Prefix = "cn-calendar/";

    private static readonly Lazy<IReadOnlyList<ShippedYear>> Years = new(LoadAll);

    public static IReadOnlyList<ShippedYear> All => Years.Value;

    public static WorkingCalendar Calendar() => WorkingCalendar.Build(All.Select(y => y.ToNotice()));

    private static IReadOnlyList<ShippedYear> LoadAll()
    {
        var assembly = typeof(ShippedCalendar).Assembly;
        var years = new List<ShippedYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<NoticeFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                       ?? throw new InvalidDataException($"{name} is empty.");
            var days = file.Days.Select(d => new CalendarOverride(DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.Name, d.IsOffDay))
                .OrderBy(d => d.Date).ToList();
            if (days.Any(d => !NoticeRules.IsInNoticeWindow(file.Year, d.Date)) || days.Select(d => d.Date).Distinct().Count() != days.Count
                || days.Any(d => !d.IsOffDay && !NoticeRules.IsWeekend(d.Date)))
                throw new InvalidDataException($"{name} breaks the notice rules.");
            years.Add(new ShippedYear(file.Year, file.Source, days, Hash(file.Year, file.Source, days)));
        }
        return years.OrderBy(y => y.Year).ToList();
    }

    /// <summary>Over the content, not the file's bytes: reformatting a file does not count as a change.</summary>
    private static string Hash(int year, string? source, IEnumerable<CalendarOverride> days)
    {
        var text = new StringBuilder().Append(year).Append('|').Append(source).Append('|');
        foreach (var d in days)
            text.Append(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(d.Name).Append(',').Append(d.IsOffDay ? '1' : '0').Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed record NoticeFile(int Year, string? Source, List<NoticeFileDay> Days);

    private sealed record NoticeFileDay(string Date, string Name, bool IsOffDay);
}
