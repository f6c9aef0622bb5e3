using Crm.Api.Domain.Activities;

namespace Crm.Api.Domain.FollowUp;

/// <summary>Who owes the contact (DOMAIN.md §5): company leaders, the regional (owning unit's) manager, the owner.</summary>
public enum ContactRole
{
    /// <summary>公司领导: the general manager or a deputy.</summary>
    CompanyLeader,

    /// <summary>区域经理: a manager or deputy of the customer's owning unit.</summary>
    UnitManager,

    /// <summary>业务员: the customer's owner.</summary>
    Owner,
}

/// <summary>The two ways of contact the policy counts.</summary>
public enum ContactKind
{
    /// <summary>走访: a visit or an in-person meeting.</summary>
    Visit,

    /// <summary>电话</summary>
    Call,
}

public enum ContactPeriod
{
    /// <summary>Monday to Sunday.</summary>
    Week,
    Month,
    Year,
}

/// <summary>联系频次: a customer of <see cref="Grade"/> must get at least <see cref="Times"/> contacts of a kind from a role per period.</summary>
public sealed record ContactRule(string Grade, ContactRole Role, ContactKind Kind, int Times, ContactPeriod Period);

public static class ContactRules
{
    /// <summary>DOMAIN.md §5 as written: A, B and C customers' visits and calls by role.</summary>
    public static IReadOnlyList<ContactRule> Defaults { get; } =
    [
        new("A", ContactRole.CompanyLeader, ContactKind.Visit, 1, ContactPeriod.Year),
        new("A", ContactRole.CompanyLeader, ContactKind.Call, 1, ContactPeriod.Month),
        new("A", ContactRole.UnitManager, ContactKind.Visit, 2, ContactPeriod.Year),
        new("A", ContactRole.UnitManager, ContactKind.Call, 1, ContactPeriod.Week),
        new("A", ContactRole.Owner, ContactKind.Visit, 1, ContactPeriod.Week),
        new("B", ContactRole.UnitManager, ContactKind.Visit, 1, ContactPeriod.Year),
        new("B", ContactRole.Owner, ContactKind.Visit, 1, ContactPeriod.Month),
        new("B", ContactRole.Owner, ContactKind.Call, 1, ContactPeriod.Month),
        new("C", ContactRole.Owner, ContactKind.Call, 1, ContactPeriod.Month),
    ];

    /// <summary>The activities that count as a contact of a kind: a meeting is a visit in person.</summary>
    public static IReadOnlyList<ActivityKind> ActivitiesFor(ContactKind kind) => kind switch
    {
        ContactKind.Visit => [ActivityKind.Visit, ActivityKind.Meeting],
        _ => [ActivityKind.Call],
    };

    /// <summary>
    /// The days of a month on which contact periods end, ascending: every Sunday (weeks run Monday to Sunday) and the month's
    /// last day (months and years). A week that crosses into the next month belongs to the month of its Sunday, so each period
    /// is judged exactly once, in the month it ends.
    /// </summary>
    public static IReadOnlyList<DateOnly> PeriodEndsIn(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var ends = new List<DateOnly>();
        for (var day = first.AddDays(((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7); day < last; day = day.AddDays(7))
            ends.Add(day);
        ends.Add(last);
        return ends;
    }

    /// <summary>The period of the given kind that contains <paramref name="day"/>, both ends inclusive.</summary>
    public static (DateOnly From, DateOnly To) PeriodContaining(DateOnly day, ContactPeriod period)
    {
        switch (period)
        {
            case ContactPeriod.Week:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return (monday, monday.AddDays(6));
            case ContactPeriod.Month:
                var first = new DateOnly(day.Year, day.Month, 1);
                return (first, first.AddMonths(1).AddDays(-1));
            default:
                return (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
        }
    }
}
