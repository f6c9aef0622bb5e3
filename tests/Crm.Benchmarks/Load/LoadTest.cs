namespace Crm.Benchmarks.Load;

internal static class LoadTest
{
    public static Task<int> RunAsync(CommandLine options) => Task.FromResult(0);
}
