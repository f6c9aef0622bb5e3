using System.Collections.Concurrent;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

/// <summary>Compiled schemes by version id. Versions never change once written, so nothing here ever goes stale.</summary>
public sealed class SchemeCache
{
    private readonly ConcurrentDictionary<long, CompiledGradingScheme> _compiled = new();

    public CompiledGradingScheme Get(GradingSchemeVersion version) =>
        _compiled.GetOrAdd(version.Id, _ => GradingEngine.Compile(version.Scheme()));
}

/// <summary>Which version of a scheme applies on a date, compiled.</summary>
public sealed class SchemeCatalog(CrmDbContext db, SchemeCache cache)
{
    /// <summary>The version in force on <paramref name="on"/>: the latest one whose effective date is not after it.</summary>
    public Task<GradingSchemeVersion?> FindEffectiveAsync(string code, DateOnly on, CancellationToken ct) =>
        db.GradingSchemeVersions.AsNoTracking()
            .Where(v => v.Code == code && v.EffectiveFrom <= on)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version)
            .FirstOrDefaultAsync(ct);

    public Task<GradingSchemeVersion?> FindVersionAsync(string code, int version, CancellationToken ct) =>
        db.GradingSchemeVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Code == code && v.Version == version, ct);

    public Task<GradingSchemeVersion?> FindLatestAsync(string code, CancellationToken ct) =>
        db.GradingSchemeVersions.AsNoTracking().Where(v => v.Code == code).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    public CompiledGradingScheme Compile(GradingSchemeVersion version) => cache.Get(version);

    /// <summary>Installs the two policy presets when their codes are not there yet; an administrator's versions are never touched.</summary>
    public static async Task EnsurePresetsAsync(CrmDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var preset in GradingPresets.All)
        {
            if (await db.GradingSchemeVersions.AnyAsync(v => v.Code == preset.Code, ct))
                continue;
            db.GradingSchemeVersions.Add(new GradingSchemeVersion(preset, 1, PresetsEffectiveFrom, "预置：依据客户管理办法", now, null));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The presets apply to every rating date, past ones included (the policies predate the system).</summary>
    public static readonly DateOnly PresetsEffectiveFrom = new(2000, 1, 1);
}
