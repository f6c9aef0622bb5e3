using Crm.Benchmarks;
using Crm.Benchmarks.Calendar;
using Crm.Benchmarks.Generate;
using Crm.Benchmarks.Load;
using Crm.Benchmarks.Rate;

const string Usage = """
    Crm.Benchmarks: builds a large SQLite database and measures the API against it.

    Usage:
      generate --db <path> [--customers 1000000] [--fact-months 12] [--seed 42] [--password Crm@demo2026]
          Creates a fresh SQLite database at <path> (an existing file is replaced): schema from the EF migrations,
          the demo company and users (DemoDataSeeder), the grading presets, ~200 more account managers over 10 sales
          departments with regional sub-offices, then <customers> customers with key persons, co-servers, tags,
          search terms and <fact-months> months of business facts each (the months a rating run reads).

      load [--url http://127.0.0.1:5080] [--clients 16] [--duration 30] [--warmup 5] [--scenarios list,get,...] [--password Crm@demo2026]
          Signs in as east.sales1 (salesperson) and gm (general manager) and runs the scenarios list, filtered,
          search, get and evaluate (grade evaluation with explanation), or only those named, with <clients> concurrent clients for <duration> seconds each (after <warmup> seconds that
          are not measured). Prints requests, errors, req/s and p50/p95/p99 latency. Only loopback hosts are allowed.

      rate [--url http://127.0.0.1:5080] [--scheme manufacturer] [--user marketing1] [--keep false] [--approve false] [--password Crm@demo2026]
          Starts a rating run over every customer as <user> (classification.run), follows its progress until it is
          under review, and prints the wall time and customers per second; then cancels it unless --keep true.
          --approve true then approves every change in one request and times it (this changes the grades for good:
          run it on a copy of the database).
      calendar [--operations 10000000] [--rounds 5] [--max-days 30] [--seed 42]
          Micro-benchmark of the working-day calendar (the shipped 2020–2026 notices): AddWorkingDays,
          WorkingDaysBetween and IsWorkingDay over <operations> random dates 2019–2028 and day counts in
          [-max-days, max-days], generated before timing; prints millions of operations per second (best and median
          of <rounds> rounds, one thread). Run it in Release.

      --help
          Shows this text.
    """;

if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 1 : 0;
}

try
{
    var options = new CommandLine(args[1..]);
    return args[0] switch
    {
        "generate" => await BenchmarkDatabaseGenerator.RunAsync(options),
        "load" => await LoadTest.RunAsync(options),
        "rate" => await RatingRunBenchmark.RunAsync(options),
        "calendar" => CalendarBenchmark.Run(options),
        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(Usage);
    return 64;
}
