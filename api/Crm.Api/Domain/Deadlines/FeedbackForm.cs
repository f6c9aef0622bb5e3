namespace Crm.Api.Domain.Deadlines;

/// <summary>客户信息反馈表: what a sales unit learnt about one customer in a month.</summary>
public sealed class FeedbackForm
{
    public const int TextMaxLength = 2000;

    private FeedbackForm() { }

    public FeedbackForm(long customerId, long unitId, string? grade, DateOnly month, FeedbackContent content, DateTimeOffset now, long byStaffId)
    {
        CustomerId = customerId;
        UnitId = unitId;
        Grade = grade;
        Month = new DateOnly(month.Year, month.Month, 1);
        Situation = content.Situation;
        Needs = content.Needs;
        CompetitorInfo = content.CompetitorInfo;
        Suggestions = content.Suggestions;
        SubmittedAt = now;
        SubmittedById = byStaffId;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }

    /// <summary>The customer's owning unit at submission: the unit whose quota it counts for.</summary>
    public long UnitId { get; private set; }

    /// <summary>The customer's grade at submission.</summary>
    public string? Grade { get; private set; }

    /// <summary>The first day of the month it reports on.</summary>
    public DateOnly Month { get; private set; }

    public string Situation { get; private set; } = "";
    public string? Needs { get; private set; }
    public string? CompetitorInfo { get; private set; }
    public string? Suggestions { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public long SubmittedById { get; private set; }
}

public sealed record FeedbackContent(string Situation, string? Needs, string? CompetitorInfo, string? Suggestions);

/// <summary>A unit kind's monthly feedback-form quota: a minimum in total and per grade.</summary>
public sealed class FeedbackQuota
{
    public int Total { get; set; }
    public Dictionary<string, int> Grades { get; set; } = [];

    /// <summary>What is missing for <paramref name="byGrade"/> forms: the total shortfall and each grade's.</summary>
    public (int Total, IReadOnlyDictionary<string, int> Grades) Missing(IReadOnlyDictionary<string, int> byGrade)
    {
        var total = byGrade.Values.Sum();
        var grades = Grades.Where(g => g.Value > 0).ToDictionary(g => g.Key, g => Math.Max(0, g.Value - byGrade.GetValueOrDefault(g.Key)))
            .Where(g => g.Value > 0).ToDictionary();
        return (Math.Max(0, Total - total), grades);
    }
}
