using Crm.Api.Data;
using Crm.Api.Domain.Imports;
using Crm.Api.Features.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Imports;

/// <summary>Thrown when another instance has taken over an import whose lease ran out.</summary>
internal sealed class ImportLeaseLostException : Exception;

/// <summary>
/// Runs one claimed import to its end, in the importer's name (the caller sets the scope's user): reads the stored
/// file, writes the rows, records the row errors and the outcome, and empties the stored file. Used by the upload
/// request for small files and by <see cref="ImportJobRunner"/> for the rest.
/// </summary>
public sealed class ImportExecutor(
    CrmDbContext db,
    CustomerImporter customers,
    FactImporter facts,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    IOptions<FactsOptions> factsOptions)
{
    private const int ErrorChunk = 1_000;

    public async Task RunAsync(long id, string owner, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        var payload = await db.ImportPayloads.AsNoTracking().Where(p => p.ImportJobId == id).Select(p => p.Content).SingleOrDefaultAsync(ct);
        if (payload is null)
        {
            await FailAsync(id, owner, "导入文件已不存在，请重新上传。", 0);
            return;
        }
        var read = ImportFileReader.Read(job.Kind, job.Format, payload, options.Value.MaxRows);
        if (!read.IsSuccess)
        {
            await FailAsync(id, owner, read.Error!.Detail, 0);
            return;
        }
        var records = read.Value!;
        // A re-run after a lost instance starts over: its upserts are idempotent, its error list is rebuilt.
        await db.ImportRowErrors.Where(e => e.ImportJobId == id).ExecuteDeleteAsync(ct);
        await ReportAsync(id, owner, 0, records.Count, ct);

        // Inside an all-or-nothing transaction the job row is left alone: another connection polling it must not wait for the commit.
        Task Progress(int done) => db.Database.CurrentTransaction is null ? ReportAsync(id, owner, done, null, ct) : Task.CompletedTask;
        var outcome = job.Kind == ImportKind.Customers
            ? await customers.RunAsync(records, job.Mode, options.Value.BatchRows, Progress, ct)
            : await facts.RunAsync(records, job.Mode, Math.Min(options.Value.BatchRows, factsOptions.Value.MaxBulkRows), Progress, ct);

        foreach (var chunk in outcome.Problems.Chunk(ErrorChunk))
        {
            db.ImportRowErrors.AddRange(chunk.Select(p => new ImportRowError(id, p.Row, Cut(p.Problem.Field, 64), Cut(p.Problem.Message, 500))));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var written = outcome.Created + outcome.Updated;
        var (status, error) = outcome.Failed == 0
            ? (ImportStatus.Succeeded, (string?)null)
            : job.Mode == ImportMode.AllOrNothing
                ? (ImportStatus.Failed, $"有 {outcome.Failed:N0} 行未通过校验，按“全部成功才写入”未写入任何数据。")
                : written > 0
                    ? (ImportStatus.PartiallySucceeded, (string?)null)
                    : (ImportStatus.Failed, "所有行都未通过校验，未写入任何数据。");
        var now = clock.GetUtcNow();
        var finished = await Mine(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.Total, records.Count)
            .SetProperty(j => j.Done, records.Count)
            .SetProperty(j => j.Created, outcome.Created)
            .SetProperty(j => j.Updated, outcome.Updated)
            .SetProperty(j => j.Failed, outcome.Failed)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (finished == 1)
            await DropPayloadAsync(id);
    }

    public async Task FailAsync(long id, string owner, string error, int done)
    {
        var now = clock.GetUtcNow();
        var failed = await Mine(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Failed)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.Done, done)
            .SetProperty(j => j.FinishedAt, now)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (failed == 1)
            await DropPayloadAsync(id);
    }

    private Task DropPayloadAsync(long id) => db.ImportPayloads.Where(p => p.ImportJobId == id).ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>Hands an interrupted import back to the queue at once (shutdown) instead of waiting for its lease to run out.</summary>
    public Task RequeueAsync(long id, string owner) =>
        Mine(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Queued)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1), CancellationToken.None);

    private IQueryable<ImportJob> Mine(long id, string owner) =>
        db.ImportJobs.Where(j => j.Id == id && j.LeaseOwner == owner && j.Status == ImportStatus.Running);

    /// <summary>Records progress and renews the lease; throws when another instance has taken the import over.</summary>
    private async Task ReportAsync(long id, string owner, int done, int? total, CancellationToken ct)
    {
        var leaseUntil = clock.GetUtcNow() + options.Value.LeaseDuration;
        var updated = total is { } t
            ? await Mine(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, t).SetProperty(j => j.LeaseUntil, leaseUntil), ct)
            : await Mine(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.LeaseUntil, leaseUntil), ct);
        if (updated == 0)
            throw new ImportLeaseLostException();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
