using Crm.Api.Data;
using Crm.Api.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Common.Calendar;

/// <summary>The working calendar as the database holds it, shared by every request of this instance.</summary>
public interface ICalendarProvider
{
    /// <summary>
    /// The current calendar. At most every <see cref="CalendarOptions.RefreshSeconds"/> one caller checks the database's
    /// calendar stamp (one small query) and rebuilds when another instance changed a year; the others keep answering from
    /// the calendar they have meanwhile.
    /// </summary>
    ValueTask<WorkingCalendar> GetAsync(CancellationToken ct);

    /// <summary>Rebuilds from the database now (after this instance changed a year).</summary>
    Task<WorkingCalendar> RefreshAsync(CancellationToken ct);
}

public sealed class CalendarProvider(IServiceScopeFactory scopes, TimeProvider time, IOptions<CalendarOptions> options, ILogger<CalendarProvider> logger)
    : ICalendarProvider, IDisposable
{
    private sealed record Snapshot(WorkingCalendar Calendar, (int Count, long Versions) Stamp, long CheckedAt);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async ValueTask<WorkingCalendar> GetAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && time.GetElapsedTime(current.CheckedAt) < TimeSpan.FromSeconds(options.Value.RefreshSeconds))
            return current.Calendar;
        if (current is not null)
        {
            // Someone is already checking: answer from what we have rather than queue behind them.
            if (!await _gate.WaitAsync(0, ct))
                return current.Calendar;
        }
        else
        {
            await _gate.WaitAsync(ct);
        }
        try
        {
            current = _snapshot;
            if (current is not null && time.GetElapsedTime(current.CheckedAt) < TimeSpan.FromSeconds(options.Value.RefreshSeconds))
                return current.Calendar;
            return (await LoadAsync(current, ct)).Calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<WorkingCalendar> RefreshAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return (await LoadAsync(null, ct)).Calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(Snapshot? current, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var stamp = await StampAsync(db, ct);
        Snapshot next;
        if (current is not null && current.Stamp == stamp)
        {
            next = current with { CheckedAt = time.GetTimestamp() };
        }
        else
        {
            var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct);
            var calendar = WorkingCalendar.Build(years.Select(y => y.ToNotice()));
            // The stamp is read again with the years: a change between the two reads is then picked up on the next check.
            next = new Snapshot(calendar, (years.Count, years.Sum(y => (long)y.Version)), time.GetTimestamp());
            if (current is not null)
                logger.LogInformation("Working calendar reloaded: years {Years}", string.Join(",", calendar.ConfirmedYears));
        }
        _snapshot = next;
        return next;
    }

    /// <summary>Versions only grow and years are never removed, so any change moves the count or the sum.</summary>
    private static async Task<(int, long)> StampAsync(CrmDbContext db, CancellationToken ct)
    {
        var versions = await db.CalendarYears.AsNoTracking().Select(y => y.Version).ToListAsync(ct);
        return (versions.Count, versions.Sum(v => (long)v));
    }

    public void Dispose() => _gate.Dispose();
}

public static class CalendarSetup
{
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BusinessClock>();
        services.AddSingleton<ICalendarProvider, CalendarProvider>();
        return services;
    }
}
