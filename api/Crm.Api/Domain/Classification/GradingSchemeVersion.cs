namespace Crm.Api.Domain.Classification;

/// <summary>
/// One version of a grading scheme as administered (方案版本). A revision never edits a version: it adds the next one
/// with its own effective date, so a past rating can always be explained by the version it used.
/// </summary>
public sealed class GradingSchemeVersion
{
    private GradingSchemeVersion() { }

    public GradingSchemeVersion(GradingScheme scheme, int version, DateOnly effectiveFrom, string? comment, DateTimeOffset at, long? byStaffId)
    {
        Code = scheme.Code;
        Version = version;
        Name = scheme.Name;
        EffectiveFrom = effectiveFrom;
        Definition = GradingSchemeJson.Serialize(scheme);
        Comment = comment;
        CreatedAt = at;
        CreatedById = byStaffId;
    }

    public long Id { get; private set; }

    /// <summary>The scheme's stable code, e.g. manufacturer; shared by all its versions.</summary>
    public string Code { get; private set; } = "";

    /// <summary>1, 2, 3 … per code.</summary>
    public int Version { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The first rating date this version applies to; it applies until the next version's date.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The <see cref="GradingScheme"/> as JSON (<see cref="GradingSchemeJson"/>).</summary>
    public string Definition { get; private set; } = "{}";

    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Null for the presets seeded at installation.</summary>
    public long? CreatedById { get; private set; }

    public GradingScheme Scheme() => GradingSchemeJson.Deserialize(Definition);
}
