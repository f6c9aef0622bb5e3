using System.Collections.Concurrent;
using Crm.Api.Common.Security;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Auth;

/// <summary>
/// Counts failed sign-ins per user name and per client address in a sliding window; past the limit the key is
/// locked out for a while (429 + Retry-After). Kept in memory: each API instance throttles on its own.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private sealed class Entry
    {
        public readonly Queue<DateTimeOffset> Failures = new();
        public DateTimeOffset? LockedUntil;
    }

    /// <summary>How long the caller must wait, or null when sign-in may be tried.</summary>
    public TimeSpan? RetryAfter(params string[] keys)
    {
        var now = clock.GetUtcNow();
        TimeSpan? longest = null;
        foreach (var key in keys)
        {
            if (!_entries.TryGetValue(key, out var entry))
                continue;
            lock (entry)
            {
                if (entry.LockedUntil is { } until && until > now && (longest is null || until - now > longest))
                    longest = until - now;
            }
        }
        return longest;
    }

    private const int PruneThreshold = 10_000;

    public void RecordFailure(string userKey, string addressKey)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        if (_entries.Count > PruneThreshold)
            Prune(now, o.Window);
        foreach (var (key, max) in new[] { (userKey, o.MaxFailures), (addressKey, o.MaxFailuresPerAddress) })
        {
            var entry = _entries.GetOrAdd(key, _ => new Entry());
            lock (entry)
            {
                while (entry.Failures.Count > 0 && now - entry.Failures.Peek() > o.Window)
                    entry.Failures.Dequeue();
                entry.Failures.Enqueue(now);
                if (entry.Failures.Count >= max)
                {
                    entry.LockedUntil = now + o.Lockout;
                    entry.Failures.Clear();
                }
            }
        }
    }

    public void Reset(string key) => _entries.TryRemove(key, out _);

    /// <summary>Keeps memory bounded when many different names or addresses fail: forgets keys with nothing recent.</summary>
    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                var locked = entry.LockedUntil is { } until && until > now;
                var recent = entry.Failures.Count > 0 && now - entry.Failures.Last() <= window;
                if (!locked && !recent)
                    _entries.TryRemove(key, out _);
            }
        }
    }
}
