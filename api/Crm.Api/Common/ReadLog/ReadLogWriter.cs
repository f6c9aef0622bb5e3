using System.Threading.Channels;
using Crm.Api.Domain.Access;
using Microsoft.Extensions.Options;

namespace Crm.Api.Common.ReadLog;

/// <summary>
/// The queue between reads and <see cref="ReadLogAppender"/>. A read enqueues its drafts and waits until the batch
/// holding them has committed, so a read is answered only once it is durably logged, yet under load many reads share
/// one transaction (and one fsync) instead of paying one each.
/// </summary>
public sealed class ReadLogWriter
{
    private readonly Channel<PendingReads> _queue;

    public ReadLogWriter(IOptions<ReadLogOptions> options) =>
        _queue = Channel.CreateBounded<PendingReads>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    internal ChannelReader<PendingReads> Reader => _queue.Reader;

    /// <summary>Completes once the drafts are committed; throws <see cref="ReadLogUnavailableException"/> when they could not be.</summary>
    public async Task RecordAsync(IReadOnlyList<ReadLogDraft> drafts, CancellationToken ct)
    {
        if (drafts.Count == 0)
            return;
        var pending = new PendingReads(drafts);
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
        }
        catch (ChannelClosedException e)
        {
            throw new ReadLogUnavailableException("The read log is shutting down.", e);
        }
        await pending.Committed.Task.WaitAsync(ct);
    }

    /// <summary>Accepts no more reads; what is queued is still written.</summary>
    internal void Complete() => _queue.Writer.TryComplete();
}

internal sealed class PendingReads(IReadOnlyList<ReadLogDraft> drafts)
{
    public IReadOnlyList<ReadLogDraft> Drafts { get; } = drafts;

    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
