using System.Text.Json;
using Crm.Api.Common.Jobs;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Exports;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Export;

/// <summary>
/// Runs queued export jobs. Several instances may share one database: a job is claimed by a conditional UPDATE
/// (only one instance's succeeds) and held by a lease that progress renews; a job whose lease ran out (its
/// instance died) is claimed again. Also deletes expired files.
/// </summary>
internal sealed class ExportJobRunner(
    IServiceScopeFactory scopes,
    IOptions<ExportOptions> options,
    ExportFiles files,
    AccessCache access,
    TimeProvider clock,
    ILogger<ExportJobRunner> logger) : LeasedJobRunner(clock, logger)
{
    /// <summary>A job that took its instance down this often is not tried again.</summary>
    private const int MaxAttempts = 3;

    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);

    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task BeforeRoundAsync(CancellationToken stop)
    {
        if (Clock.GetUtcNow() < _nextCleanup)
            return;
        await CleanupAsync(stop);
        _nextCleanup = Clock.GetUtcNow() + CleanupEvery;
    }

    protected override async Task<bool> TryRunOneAsync(CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = Clock.GetUtcNow();
        // Read first: an idle poll must not take SQLite's write lock.
        var candidate = await Claimable(db.ExportJobs.AsNoTracking(), now).OrderBy(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(stop);
        if (candidate is not { } id)
            return false;
        var leaseUntil = now + options.Value.LeaseDuration;
        var claimed = await Claimable(db.ExportJobs.Where(j => j.Id == id), now).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Running)
            .SetProperty(j => j.LeaseOwner, Instance)
            .SetProperty(j => j.LeaseUntil, leaseUntil)
            .SetProperty(j => j.StartedAt, now)
            .SetProperty(j => j.Attempts, j => j.Attempts + 1), stop);
        if (claimed == 1)
            await RunAsync(id, stop);
        return true;
    }

    private static IQueryable<ExportJob> Claimable(IQueryable<ExportJob> jobs, DateTimeOffset now) =>
        jobs.Where(j => !j.Direct && (j.Status == ExportJobStatus.Queued || (j.Status == ExportJobStatus.Running && j.LeaseUntil < now)));

    private async Task RunAsync(long id, CancellationToken stop)
    {
        var limits = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        // Progress goes through its own context: the query's reader stays open while the file is written.
        await using var progressScope = scopes.CreateAsyncScope();
        var progressDb = progressScope.ServiceProvider.GetRequiredService<CrmDbContext>();

        var job = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, stop);
        if (job.Attempts > MaxAttempts)
        {
            await FailAsync(progressDb, id, "多次尝试后仍未完成，已放弃。", 0);
            return;
        }
        // The requester's standing and scope as of now: a permission revoked since the request applies.
        var user = await access.GetAsync(db, job.StaffId, Clock.GetUtcNow(), stop);
        if (user is null || !user.IsActive || !user.Has(Permissions.CustomersExport))
        {
            await FailAsync(progressDb, id, "导出人已停用或不再拥有导出客户清单权限（customers.export）。", 0);
            return;
        }

        scope.ServiceProvider.GetRequiredService<UserContext>().Set(user);
        var filter = JsonSerializer.Deserialize<CustomerFilter>(job.FilterJson, ExportFiles.FilterJson)!;
        var customers = await CustomerExportQuery.BuildAsync(user, filter, db, stop);
        var total = await CustomerExportQuery.CountAsync(customers, limits.MaxRows, stop);
        if (total > limits.MaxRows)
        {
            await FailAsync(progressDb, id, ExportErrors.TooLarge(limits.MaxRows).Detail, 0);
            return;
        }
        await ReportAsync(progressDb, id, 0, total, stop);

        Directory.CreateDirectory(files.Folder);
        var path = Path.Combine(files.Folder, $"{id}-{Guid.NewGuid():N}.{ExportFormats.Extension(job.Format)}");
        var part = path + ".part";
        var done = 0;
        try
        {
            ExportOutcome outcome;
            await using (var file = new FileStream(part, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
            {
                outcome = await ExportWriter.WriteAsync(file, job.Format, CustomerExportQuery.Rows(customers, filter.Sort, limits.MaxRows, db), files.Zone,
                    async rows =>
                    {
                        done = rows;
                        await ReportAsync(progressDb, id, rows, null, stop);
                    }, stop);
            }
            // Every exported archive is in the read log before the file can be downloaded.
            await scope.ServiceProvider.GetRequiredService<Common.ReadLog.ReadLogRecorder>().RecordAsync(outcome.CustomerIds, ReadAction.Export, stop);
            File.Move(part, path);
            var now = Clock.GetUtcNow();
            var finished = await Mine(progressDb, id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Succeeded)
                .SetProperty(j => j.Total, outcome.Rows)
                .SetProperty(j => j.Done, outcome.Rows)
                .SetProperty(j => j.CustomerCount, outcome.CustomerIds.Count)
                .SetProperty(j => j.FilePath, path)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (finished == 0)
                Delete(path);
        }
        catch (LeaseLostException)
        {
            logger.LogWarning("Export job {JobId}: lease lost to another instance; abandoning", id);
            Delete(part);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Delete(part);
            // Shutting down: hand the job back at once instead of waiting for the lease to run out.
            await Mine(progressDb, id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Queued)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Export job {JobId} failed", id);
            Delete(part);
            await FailAsync(progressDb, id, "导出失败，已记录错误，请稍后重试。", done);
        }
    }

    private IQueryable<ExportJob> Mine(CrmDbContext db, long id) =>
        db.ExportJobs.Where(j => j.Id == id && j.LeaseOwner == Instance && j.Status == ExportJobStatus.Running);

    /// <summary>Records progress and renews the lease; throws when another instance has taken the job over.</summary>
    private async Task ReportAsync(CrmDbContext db, long id, int done, int? total, CancellationToken ct)
    {
        var leaseUntil = Clock.GetUtcNow() + options.Value.LeaseDuration;
        var updated = total is { } t
            ? await Mine(db, id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, t).SetProperty(j => j.LeaseUntil, leaseUntil), ct)
            : await Mine(db, id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.LeaseUntil, leaseUntil), ct);
        if (updated == 0)
            throw new LeaseLostException();
    }

    private async Task FailAsync(CrmDbContext db, long id, string error, int done)
    {
        var now = Clock.GetUtcNow();
        await Mine(db, id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Failed)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.Done, done)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>Deletes files older than the retention period. The job rows stay: they are the export history.</summary>
    private async Task CleanupAsync(CancellationToken stop)
    {
        var cutoff = Clock.GetUtcNow().AddHours(-options.Value.RetentionHours);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var expired = await db.ExportJobs.AsNoTracking()
            .Where(j => j.FilePath != null && j.CreatedAt < cutoff)
            .Select(j => new { j.Id, j.FilePath })
            .Take(1_000)
            .ToListAsync(stop);
        foreach (var job in expired)
            Delete(job.FilePath!);
        if (expired.Count > 0)
        {
            var ids = expired.Select(j => j.Id).ToList();
            await db.ExportJobs.Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(s => s.SetProperty(j => j.FilePath, (string?)null), stop);
        }
        // Leftovers of a crash mid-write have no job pointing at them.
        if (Directory.Exists(files.Folder))
        {
            foreach (var part in Directory.EnumerateFiles(files.Folder, "*.part"))
            {
                if (File.GetLastWriteTimeUtc(part) < cutoff.UtcDateTime)
                    Delete(part);
            }
        }
    }

    private void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete export file {Path}", path);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogWarning(e, "Could not delete export file {Path}", path);
        }
    }

    private sealed class LeaseLostException : Exception;
}
