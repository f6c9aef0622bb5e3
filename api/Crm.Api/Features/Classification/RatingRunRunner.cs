using System.Text.Json;
using System.Threading.Channels;
using Crm.Api.Common.Jobs;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Classification;

/// <summary>
/// Evaluates queued rating runs. Several instances may share one database: a run is claimed by a conditional UPDATE
/// and held by a lease that every batch renews; each batch's proposals, counts, cursor and lease renewal commit in one
/// transaction that only succeeds while this instance still holds the lease. A run whose instance died (lease ran
/// out) is claimed again and resumes after its cursor, so no customer is evaluated twice or skipped.
/// </summary>
internal sealed class RatingRunRunner(
    IServiceScopeFactory scopes,
    IOptions<ClassificationOptions> options,
    AccessCache access,
    SchemeCache schemes,
    TimeProvider clock,
    ILogger<RatingRunRunner> logger) : LeasedJobRunner(clock, logger)
{
    private const int MaxAttempts = 3;

    protected override TimeSpan PollInterval => options.Value.RunPollInterval;

    protected override async Task<bool> TryRunOneAsync(CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = Clock.GetUtcNow();
        // Read first: an idle poll must not take SQLite's write lock.
        var candidate = await Claimable(db.RatingRuns.AsNoTracking(), now).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(stop);
        if (candidate is not { } id)
            return false;
        var leaseUntil = now + options.Value.RunLease;
        var claimed = await Claimable(db.RatingRuns.Where(r => r.Id == id), now).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RatingRunStatus.Running)
            .SetProperty(r => r.LeaseOwner, Instance)
            .SetProperty(r => r.LeaseUntil, leaseUntil)
            .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
            .SetProperty(r => r.Attempts, r => r.Attempts + 1), stop);
        if (claimed == 1)
            await RunAsync(id, stop);
        return true;
    }

    private static IQueryable<RatingRun> Claimable(IQueryable<RatingRun> runs, DateTimeOffset now) =>
        runs.Where(r => r.Status == RatingRunStatus.Queued || (r.Status == RatingRunStatus.Running && r.LeaseUntil < now));

    private IQueryable<RatingRun> Mine(CrmDbContext db, long id) =>
        db.RatingRuns.Where(r => r.Id == id && r.LeaseOwner == Instance && r.Status == RatingRunStatus.Running);

    private async Task RunAsync(long id, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var run = await db.RatingRuns.AsNoTracking().SingleAsync(r => r.Id == id, stop);
        try
        {
            if (run.Attempts > MaxAttempts)
            {
                await FailAsync(db, id, "多次尝试后仍未完成，已放弃。");
                return;
            }
            // The starter's standing and scope as of now: a permission revoked since the start applies.
            var user = await access.GetAsync(db, run.CreatedById, Clock.GetUtcNow(), stop);
            if (user is null || !user.IsActive || !user.Has(Permissions.ClassificationRun))
            {
                await FailAsync(db, id, "发起人已停用或不再拥有发起客户评级权限（classification.run）。");
                return;
            }
            var version = await db.GradingSchemeVersions.AsNoTracking().SingleAsync(v => v.Code == run.SchemeCode && v.Version == run.SchemeVersion, stop);
            var scheme = schemes.Get(version);
            var filter = JsonSerializer.Deserialize<RatingRunFilter>(run.FilterJson, RatingRunFilter.Json) ?? new RatingRunFilter();
            var reach = user.ScopeFor(Permissions.ClassificationRun);
            Task<IQueryable<Customer>> CustomersIn(CrmDbContext context) =>
                CustomerListFilter.ApplyAsync(context.Customers.AsNoTracking().VisibleAsSet(reach, context), filter.ToCustomerFilter(), context, stop);

            if (run.Cursor == 0)
            {
                var total = await (await CustomersIn(db)).CountAsync(stop);
                if (await Mine(db, id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Total, total), stop) == 0)
                    return;
            }
            await EvaluateAsync(db, run, scheme, CustomersIn, stop);
        }
        catch (LeaseLostException)
        {
            logger.LogWarning("Rating run {RunId}: lease lost (cancelled, or taken over by another instance); stopping", id);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: hand the run back at once; its cursor keeps what is done.
            await Mine(db, id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RatingRunStatus.Queued)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(r => r.Attempts, r => r.Attempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rating run {RunId} failed", id);
            await FailAsync(db, id, "评级失败，已记录错误，请稍后重新发起。");
        }
    }

    private sealed record Candidate(long Id, EnterpriseNature EnterpriseNature, CustomerCategory Category, CustomerStatus Status,
        DateOnly? CooperationStartOn, RiskFlags RiskFlags, string? Grade, bool GradeOverridden);

    private sealed record Batch(List<Candidate> Customers, Dictionary<long, FactTotals> Facts);

    /// <summary>
    /// Reading and writing overlap: a reader on its own connection loads the next batch (customers, then their facts
    /// in the window) while this one evaluates and commits the current batch. SQLite's WAL lets the reader go on
    /// while the writer commits.
    /// </summary>
    private async Task EvaluateAsync(CrmDbContext db, RatingRun run, CompiledGradingScheme scheme,
        Func<CrmDbContext, Task<IQueryable<Customer>>> customersIn, CancellationToken stop)
    {
        var timing = new RunTiming();
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var reader = Task.Run(() => ReadBatchesAsync(run, customersIn, batches.Writer, timing, reading.Token), reading.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop))
                await WriteBatchAsync(db, run, scheme, batch, timing, stop);
            await reader;
        }
        finally
        {
            await reading.CancelAsync();
            try
            {
                await reader;
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                // The reader stops because this side stopped; its reason is not news.
            }
        }
        await FinishAsync(db, run.Id, stop);
        logger.LogInformation("Rating run {RunId}: {Customers} customers evaluated by this instance; reading {Read:F1} s, evaluating {Evaluate:F1} s, writing {Write:F1} s",
            run.Id, timing.Customers, timing.Read.Elapsed.TotalSeconds, timing.Evaluate.Elapsed.TotalSeconds, timing.Write.Elapsed.TotalSeconds);
    }

    private async Task ReadBatchesAsync(RatingRun run, Func<CrmDbContext, Task<IQueryable<Customer>>> customersIn, ChannelWriter<Batch> output,
        RunTiming timing, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var customers = await customersIn(db);
            var (from, to) = GradingInput.WindowOf(run.AsOf);
            var batchSize = options.Value.RunBatchSize;
            var cursor = run.Cursor;
            while (true)
            {
                timing.Read.Start();
                var after = cursor;
                var batch = await customers.Where(c => c.Id > after).OrderBy(c => c.Id).Take(batchSize)
                    .Select(c => new Candidate(c.Id, c.EnterpriseNature, c.Category, c.Status, c.CooperationStartOn, c.RiskFlags, c.Grade, c.GradeOverridden))
                    .ToListAsync(ct);
                if (batch.Count == 0)
                {
                    timing.Read.Stop();
                    break;
                }
                long low = batch[0].Id, high = batch[^1].Id;
                var facts = await FactWindowReader.ReadAsync(db, low, high, from, to, ct);
                timing.Read.Stop();
                await output.WriteAsync(new Batch(batch, facts), ct);
                cursor = high;
            }
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    private async Task WriteBatchAsync(CrmDbContext db, RatingRun run, CompiledGradingScheme scheme, Batch batch, RunTiming timing, CancellationToken stop)
    {
        timing.Evaluate.Start();
        var grades = scheme.Scheme.Grades;
        var proposals = new List<RatingProposal>();
        int changes = 0, unchanged = 0, overridden = 0;
        foreach (var c in batch.Customers)
        {
            var input = GradingInput.From(c.EnterpriseNature, c.Category, c.Status, c.CooperationStartOn, c.RiskFlags, false,
                batch.Facts.GetValueOrDefault(c.Id, FactTotals.None), run.AsOf);
            var result = scheme.Evaluate(input);
            ProposalKind kind;
            if (c.GradeOverridden)
            {
                kind = ProposalKind.Overridden;
                overridden++;
            }
            else if (result.Grade != c.Grade)
            {
                kind = ProposalKind.Change;
                changes++;
            }
            else
            {
                unchanged++;
                continue;
            }
            proposals.Add(new RatingProposal(run.Id, c.Id, c.Grade, result.Grade, GradeChange.DirectionOf(c.Grade, result.Grade, grades), kind,
                result.Basis, GradingSchemeJson.SerializeResult(result)));
        }
        timing.Evaluate.Stop();
        timing.Customers += batch.Customers.Count;

        timing.Write.Start();
        var count = batch.Customers.Count;
        var high = batch.Customers[^1].Id;
        await using (var tx = await db.Database.BeginTransactionAsync(stop))
        {
            var leaseUntil = Clock.GetUtcNow() + options.Value.RunLease;
            var renewed = await Mine(db, run.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Done, r => r.Done + count)
                .SetProperty(r => r.Cursor, high)
                .SetProperty(r => r.Changes, r => r.Changes + changes)
                .SetProperty(r => r.Unchanged, r => r.Unchanged + unchanged)
                .SetProperty(r => r.Overridden, r => r.Overridden + overridden)
                .SetProperty(r => r.LeaseUntil, leaseUntil), stop);
            if (renewed == 0)
                throw new LeaseLostException();
            await RatingProposalWriter.InsertAsync(db, proposals, stop);
            await tx.CommitAsync(stop);
        }
        timing.Write.Stop();
    }

    private sealed class RunTiming
    {
        public System.Diagnostics.Stopwatch Read { get; } = new();
        public System.Diagnostics.Stopwatch Evaluate { get; } = new();
        public System.Diagnostics.Stopwatch Write { get; } = new();
        public int Customers { get; set; }
    }

    /// <summary>Evaluation done: the change list goes to review, or the run completes at once when nothing changed.</summary>
    private async Task FinishAsync(CrmDbContext db, long id, CancellationToken stop)
    {
        var now = Clock.GetUtcNow();
        var run = await db.RatingRuns.AsNoTracking().SingleAsync(r => r.Id == id, stop);
        var nothingToReview = run.Changes + run.Overridden == 0;
        var finished = await Mine(db, id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, nothingToReview ? RatingRunStatus.Completed : RatingRunStatus.Reviewing)
            .SetProperty(r => r.ActiveSchemeCode, r => nothingToReview ? null : r.ActiveSchemeCode)
            .SetProperty(r => r.EvaluatedAt, now)
            .SetProperty(r => r.ClosedAt, r => nothingToReview ? now : r.ClosedAt)
            .SetProperty(r => r.LeaseOwner, (string?)null)
            .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (finished == 0)
            throw new LeaseLostException();
    }

    private async Task FailAsync(CrmDbContext db, long id, string error)
    {
        var now = Clock.GetUtcNow();
        await Mine(db, id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RatingRunStatus.Failed)
            .SetProperty(r => r.ActiveSchemeCode, (string?)null)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.ClosedAt, now)
            .SetProperty(r => r.LeaseOwner, (string?)null)
            .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    private sealed class LeaseLostException : Exception;
}
