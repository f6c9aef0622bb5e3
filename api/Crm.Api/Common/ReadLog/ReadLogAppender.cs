using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Common.ReadLog;

/// <summary>
/// The only writer of the read log in this process: drains the queue in batches, chains each batch onto the head
/// and commits it in one transaction. Other instances on the same database wait on the head row's lock.
/// </summary>
public sealed class ReadLogAppender(
    ReadLogWriter writer,
    IServiceScopeFactory scopes,
    IOptions<ReadLogOptions> options,
    ILogger<ReadLogAppender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = writer.Reader;
        var batch = new List<PendingReads>();
        // No token here: the loop ends when StopAsync completes the queue and everything queued has been written.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            var count = 0;
            while (count < options.Value.MaxBatchSize && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                count += pending.Drafts.Count;
            }
            await CommitAsync(batch, count);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        writer.Complete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitAsync(List<PendingReads> batch, int count)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Write to the head before reading it: the write lock (SQLite) or row lock (SQL Server) is then held
            // until commit, so no other instance can read the same head and fork the chain.
            await db.ReadLogHead.Where(h => h.Id == ReadLogHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastEntryId, h => h.LastEntryId));
            var head = await db.ReadLogHead.SingleAsync(h => h.Id == ReadLogHead.SingletonId);
            db.ReadLog.AddRange(head.Append(batch.SelectMany(p => p.Drafts)));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not write {Count} read-log entries; the reads fail with 503", count);
            foreach (var pending in batch)
                pending.Committed.TrySetException(new ReadLogUnavailableException("The read log could not be written.", e));
            return;
        }
        foreach (var pending in batch)
            pending.Committed.TrySetResult();
    }
}
