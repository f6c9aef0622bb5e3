using System.Text.Json;
using Crm.Api.Data;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

/// <summary>Which customers a run covers (all of them in the starter's classification.run scope when empty).</summary>
public sealed record RatingRunFilter(
    string? Grade = null,
    CustomerStatus? Status = null,
    CustomerCategory? Category = null,
    long? OwnerId = null,
    long? UnitId = null,
    bool IncludeSubUnits = true,
    string? Region = null,
    string? Tag = null)
{
    public CustomerFilter ToCustomerFilter() =>
        new(null, Grade, Status, Category, OwnerId, UnitId, IncludeSubUnits, Region, Tag, Archived: false, Sort: null);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed record RatingRunCounts(int Changes, int Unchanged, int Overridden, int Approved, int Rejected, int Pending);

public sealed record RatingRunDto(
    long Id,
    SchemeRef Scheme,
    DateOnly AsOf,
    RatingRunFilter Filter,
    RatingRunStatus Status,
    int Total,
    int Done,
    decimal Percent,
    int? EtaSeconds,
    RatingRunCounts Counts,
    StaffRef CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EvaluatedAt,
    DateTimeOffset? ClosedAt,
    string? Error);

internal static class RatingRunViews
{
    public static RatingRunDto ToDto(RatingRun run, string schemeName, string createdByName, DateTimeOffset now)
    {
        int? eta = null;
        if (run.Status == RatingRunStatus.Running && run.StartedAt is { } started && run.Done > 0 && run.Total > run.Done)
        {
            var perCustomer = (now - started).TotalSeconds / run.Done;
            eta = (int)Math.Ceiling(perCustomer * (run.Total - run.Done));
        }
        else if (run.Status == RatingRunStatus.Running && run.Total > 0 && run.Done >= run.Total)
            eta = 0;
        var percent = run.Total == 0
            ? run.Status is RatingRunStatus.Queued or RatingRunStatus.Running ? 0m : 100m
            : Math.Round(100m * run.Done / run.Total, 1);
        return new RatingRunDto(run.Id, new SchemeRef(run.SchemeCode, run.SchemeVersion, schemeName), run.AsOf,
            JsonSerializer.Deserialize<RatingRunFilter>(run.FilterJson, RatingRunFilter.Json) ?? new RatingRunFilter(),
            run.Status, run.Total, run.Done, percent, eta,
            new RatingRunCounts(run.Changes, run.Unchanged, run.Overridden, run.Approved, run.Rejected, run.Pending),
            new StaffRef(run.CreatedById, createdByName), run.CreatedAt, run.StartedAt, run.EvaluatedAt, run.ClosedAt, run.Error);
    }

    public static async Task<RatingRunDto> LoadDtoAsync(CrmDbContext db, RatingRun run, DateTimeOffset now, CancellationToken ct)
    {
        var scheme = db.GradingSchemeVersions.Where(v => v.Code == run.SchemeCode && v.Version == run.SchemeVersion).Select(v => v.Name);
        var by = db.Staff.Where(s => s.Id == run.CreatedById).Select(s => s.DisplayName);
        return ToDto(run, await scheme.SingleAsync(ct), await by.SingleAsync(ct), now);
    }
}
