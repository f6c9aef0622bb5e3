using Crm.Api.Common.Jobs;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Imports;

/// <summary>
/// Runs queued imports. Several instances may share one database: an import is claimed by a conditional UPDATE (only
/// one instance's succeeds) and held by a lease that progress renews; one whose lease ran out (its instance died,
/// or the uploading request's process stopped) is claimed again and run from the stored file.
/// </summary>
internal sealed class ImportJobRunner(
    IServiceScopeFactory scopes,
    IOptions<ImportOptions> options,
    AccessCache access,
    TimeProvider clock,
    ILogger<ImportJobRunner> logger) : LeasedJobRunner(clock, logger)
{
    /// <summary>An import that took its instance down this often is not tried again.</summary>
    private const int MaxAttempts = 3;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> TryRunOneAsync(CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = Clock.GetUtcNow();
        // Read first: an idle poll must not take SQLite's write lock.
        var candidate = await Claimable(db.ImportJobs.AsNoTracking(), now).OrderBy(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(stop);
        if (candidate is not { } id)
            return false;
        var leaseUntil = now + options.Value.LeaseDuration;
        var claimed = await Claimable(db.ImportJobs.Where(j => j.Id == id), now).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running)
            .SetProperty(j => j.LeaseOwner, Instance)
            .SetProperty(j => j.LeaseUntil, leaseUntil)
            .SetProperty(j => j.StartedAt, now)
            .SetProperty(j => j.Attempts, j => j.Attempts + 1), stop);
        if (claimed == 1)
            await RunAsync(id, stop);
        return true;
    }

    private static IQueryable<ImportJob> Claimable(IQueryable<ImportJob> jobs, DateTimeOffset now) =>
        jobs.Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && j.LeaseUntil < now));

    private async Task RunAsync(long id, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var executor = scope.ServiceProvider.GetRequiredService<ImportExecutor>();
        var job = await db.ImportJobs.AsNoTracking().Select(j => new { j.Id, j.StaffId, j.Attempts }).SingleAsync(j => j.Id == id, stop);
        if (job.Attempts > MaxAttempts)
        {
            await executor.FailAsync(id, Instance, "多次尝试后仍未完成，已放弃。", 0);
            return;
        }
        // The importer's standing and scope as of now: a permission revoked since the upload applies.
        var user = await access.GetAsync(db, job.StaffId, Clock.GetUtcNow(), stop);
        if (user is null || !user.IsActive || !user.Has(Permissions.CustomersWrite))
        {
            await executor.FailAsync(id, Instance, "导入人已停用或不再拥有客户维护权限（customers.write）。", 0);
            return;
        }
        scope.ServiceProvider.GetRequiredService<UserContext>().Set(user);
        try
        {
            await executor.RunAsync(id, Instance, stop);
        }
        catch (ImportLeaseLostException)
        {
            logger.LogWarning("Import {ImportId}: lease lost to another instance; abandoning", id);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await executor.RequeueAsync(id, Instance);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {ImportId} failed", id);
            await executor.FailAsync(id, Instance, "导入失败，已记录错误，请稍后重试。", 0);
        }
    }
}
