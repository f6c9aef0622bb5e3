using System.Diagnostics;
using System.Globalization;
using Crm.Api.Data.Seed;
using Crm.Api.Domain.Calendar;

namespace Crm.Benchmarks.Calendar;

/// <summary>
/// Micro-benchmark of the working-day arithmetic on the shipped calendar (2020–2026): random dates 2019–2028 (so some
/// answers use the weekday rule outside the known years) and random day counts, generated before timing.
/// </summary>
internal static class CalendarBenchmark
{
    public static int Run(CommandLine options)
    {
        var operations = options.Number("operations", 10_000_000, 1_000, 200_000_000);
        var rounds = options.Number("rounds", 5, 1, 100);
        var maxDays = options.Number("max-days", 30, 1, 10_000);
        var seed = options.Number("seed", 42, 0, int.MaxValue);
        options.RejectUnknown();

        var calendar = ShippedCalendar.Calendar();
        var random = new Random(seed);
        var first = new DateOnly(2019, 1, 1).DayNumber;
        var last = new DateOnly(2028, 12, 31).DayNumber;
        var dates = new DateOnly[operations];
        var ends = new DateOnly[operations];
        var days = new int[operations];
        for (var i = 0; i < operations; i++)
        {
            dates[i] = DateOnly.FromDayNumber(random.Next(first, last + 1));
            ends[i] = DateOnly.FromDayNumber(random.Next(first, last + 1));
            days[i] = random.Next(-maxDays, maxDays + 1);
        }

        Console.WriteLine($"Working-day calendar micro-benchmark: {operations:N0} operations per round, {rounds} rounds, " +
                          $"dates 2019-01-01…2028-12-31, days in [-{maxDays}, {maxDays}], one thread, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine("| operation | best (M ops/s) | median (M ops/s) | ns/op (best) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Measure("AddWorkingDays(date, n)", rounds, operations, () =>
        {
            long sum = 0;
            for (var i = 0; i < dates.Length; i++)
            {
                var answer = calendar.AddWorkingDays(dates[i], days[i]);
                sum += answer.Value.DayNumber + (answer.Confirmed ? 1 : 0);
            }
            return sum;
        });
        Measure("WorkingDaysBetween(from, to)", rounds, operations, () =>
        {
            long sum = 0;
            for (var i = 0; i < dates.Length; i++)
            {
                var answer = calendar.WorkingDaysBetween(dates[i], ends[i]);
                sum += answer.Value + (answer.Confirmed ? 1 : 0);
            }
            return sum;
        });
        Measure("IsWorkingDay(date)", rounds, operations, () =>
        {
            long sum = 0;
            for (var i = 0; i < dates.Length; i++)
                sum += calendar.IsWorkingDay(dates[i]) ? 1 : 0;
            return sum;
        });
        return 0;
    }

    private static void Measure(string name, int rounds, int operations, Func<long> round)
    {
        var checksum = round(); // warm-up (tiered JIT)
        var rates = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            var sum = round();
            watch.Stop();
            if (sum != checksum)
                throw new InvalidOperationException("The same operations gave different answers.");
            rates.Add(operations / watch.Elapsed.TotalSeconds);
        }
        rates.Sort();
        var best = rates[^1];
        var median = rates[rates.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {best / 1e6:F1} | {median / 1e6:F1} | {1e9 / best:F1} |"));
    }
}
