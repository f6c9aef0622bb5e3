using Crm.Api.Common.Startup;

namespace Crm.Api.Common.Jobs;

/// <summary>
/// The loop every database-backed job runner shares: look for work, run it, and when there is none (or a round
/// failed) wait for the poll interval on the injected clock. <see cref="Instance"/> names this process in the leases
/// the runner takes, so that several API instances on one database never run the same job at once.
/// </summary>
internal abstract class LeasedJobRunner(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>Unique per process start; fits the 100-character lease columns.</summary>
    protected string Instance { get; } = InstanceName();

    protected TimeProvider Clock => clock;

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>True when there was a job to look at, so the loop looks again at once.</summary>
    protected abstract Task<bool> TryRunOneAsync(CancellationToken stop);

    /// <summary>Housekeeping before each look for work (e.g. deleting expired files); nothing by default.</summary>
    protected virtual Task BeforeRoundAsync(CancellationToken stop) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (DatabaseInitializer.IsDesignTime)
            return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await BeforeRoundAsync(stop);
                if (await TryRunOneAsync(stop))
                    continue;
                await Task.Delay(PollInterval, clock, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Runner}: a round failed; retrying after the poll interval", GetType().Name);
                try
                {
                    await Task.Delay(PollInterval, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static string InstanceName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[^100..];
    }
}
