namespace Crm.Api.Domain.Kpi;

public enum ScorecardBand
{
    /// <summary>≥ the reward score: a reward to the unit's leadership.</summary>
    Reward,

    /// <summary>Between the pass and the reward score: neither reward nor penalty.</summary>
    Pass,

    /// <summary>Below the pass score: deductions per point below it.</summary>
    Penalty,
}

/// <param name="RewardScore">At or above: <see cref="ScorecardBand.Reward"/>.</param>
/// <param name="PassScore">Below: <see cref="ScorecardBand.Penalty"/>.</param>
public sealed record ScorecardBands(decimal RewardScore, decimal PassScore, decimal RewardAmount, decimal LeaderPerPoint, decimal DeputyPerPoint);

/// <param name="PointsBelow">Whole points below the pass score, a started point counting as a whole one.</param>
/// <param name="Reward">To the unit's leadership, CNY (0 outside the reward band or when disqualified).</param>
/// <param name="LeaderDeduction">Off the main leader's annual bonus, CNY (positive number).</param>
/// <param name="DeputyDeduction">Off each deputy's annual bonus, CNY (positive number).</param>
public sealed record ScorecardOutcome(decimal Score, ScorecardBand Band, int PointsBelow, decimal Reward, decimal LeaderDeduction, decimal DeputyDeduction,
    bool Disqualified);

/// <summary>The 服务客户考核评比评分表 bands of DOMAIN.md §7.</summary>
public static class ScorecardRules
{
    /// <summary>
    /// ≥ 90: reward; 80 ≤ score &lt; 90: pass; &lt; 80: for each point below 80, 50 CNY off the main leader's and 40 CNY off each deputy's bonus.
    /// Fractional scores: the points below are rounded up (79.5 is one point below, 76.2 four). A unit disqualified from the year's awards
    /// (≥ 3 complaints) gets no reward; its deductions stand.
    /// </summary>
    public static ScorecardOutcome Evaluate(decimal score, ScorecardBands bands, bool disqualified)
    {
        if (score >= bands.RewardScore)
            return new(score, ScorecardBand.Reward, 0, disqualified ? 0m : bands.RewardAmount, 0m, 0m, disqualified);
        if (score >= bands.PassScore)
            return new(score, ScorecardBand.Pass, 0, 0m, 0m, 0m, disqualified);
        var below = (int)Math.Ceiling(bands.PassScore - score);
        return new(score, ScorecardBand.Penalty, below, 0m, below * bands.LeaderPerPoint, below * bands.DeputyPerPoint, disqualified);
    }
}

/// <summary>The entered scores of one unit for one year; the total and the outcome are derived when read.</summary>
public sealed class UnitScorecard
{
    private UnitScorecard() { }

    public UnitScorecard(int year, long unitId, DateTimeOffset now, long byStaffId)
    {
        Year = year;
        UnitId = unitId;
        ItemsJson = "{}";
        UpdatedAt = now;
        UpdatedById = byStaffId;
        Version = 1;
    }

    public long Id { get; private set; }
    public int Year { get; private set; }
    public long UnitId { get; private set; }

    /// <summary>Entered item scores: item code → points, as JSON.</summary>
    public string ItemsJson { get; private set; } = "{}";

    public DateTimeOffset UpdatedAt { get; private set; }
    public long UpdatedById { get; private set; }
    public int Version { get; private set; }

    public void Enter(string itemsJson, DateTimeOffset now, long byStaffId)
    {
        ItemsJson = itemsJson;
        UpdatedAt = now;
        UpdatedById = byStaffId;
        Version++;
    }
}

public static class ScorecardItems
{
    /// <summary>
    /// An item's score: the entered score when there is one, otherwise — for items fed by the ledger — the maximum plus the
    /// year's unit-level ledger points of its rules (deductions are negative), kept within 0..maximum; null for a hand-entered item not yet entered.
    /// </summary>
    public static decimal? Score(decimal maxPoints, bool fromLedger, decimal ledgerPoints, decimal? entered) =>
        entered ?? (fromLedger ? Math.Clamp(maxPoints + ledgerPoints, 0, maxPoints) : null);
}
