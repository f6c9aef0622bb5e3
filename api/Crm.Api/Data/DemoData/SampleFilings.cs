using Crm.Api.Domain.Calendar;
using Crm.Api.Domain.Deadlines;

namespace Crm.Api.Data.DemoData;

/// <summary>
/// How generated customers' filings stand, shared by the demo data and the benchmark database: older ones mostly accepted
/// (some late, a few returned and resubmitted), some waiting for 市场部, some still open and overdue; recent ones open.
/// </summary>
/// <param name="SubmittedShare">Of the filings older than three weeks, the share the unit submitted; the rest are overdue.</param>
/// <param name="AwaitingReviewShare">Of those, the share 市场部 has not decided yet.</param>
public sealed record SampleFilings(double SubmittedShare, double AwaitingReviewShare)
{
    public const string ReturnReason = "请补充关键人员的联系电话和开票信息。";

    public static SampleFilings Demo { get; } = new(0.9, 0.05);

    public Obligation For(long customerId, long owningUnitId, long ownerId, DateOnly firstContact, DateTimeOffset createdAt, DateOnly today,
        long reviewerId, WorkingCalendar calendar, Random random)
    {
        var filing = new Obligation(ObligationKind.Filing, customerId, owningUnitId, ownerId, firstContact, calendar.AddWorkingDays(firstContact, 5), [],
            createdAt);
        var roll = random.NextDouble();
        if (today.DayNumber - firstContact.DayNumber <= 20 || roll >= SubmittedShare)
            return filing;
        var submittedOn = calendar.AddWorkingDays(firstContact, random.NextDouble() < 0.8 ? random.Next(1, 6) : random.Next(6, 12)).Value;
        if (submittedOn >= today)
            return filing;
        if (roll < 0.1)
        {
            filing.Submit(submittedOn, createdAt, ownerId);
            filing.Return(ReturnReason, createdAt, reviewerId);
            submittedOn = calendar.AddWorkingDays(submittedOn, random.Next(1, 4)).Value;
            if (submittedOn >= today)
                return filing;
        }
        filing.Submit(submittedOn, createdAt, ownerId);
        if (roll < SubmittedShare - AwaitingReviewShare)
            filing.Accept(createdAt, reviewerId);
        return filing;
    }
}
