namespace Crm.Api.Domain.Expenses;

/// <summary>招待、差旅、礼品: the expenses DOMAIN.md §7 ties to filing.</summary>
public enum ExpenseCategory
{
    Entertainment,
    Travel,
    Gift,
}

/// <summary>An expense for a customer (decimal CNY). Whether it is reimbursable is derived, not stored: a filing may be accepted later.</summary>
public sealed class Expense
{
    public const int DescriptionMaxLength = 500;

    private Expense() { }

    public Expense(long customerId, DateOnly spentOn, ExpenseCategory category, decimal amount, string? description, DateTimeOffset now, long byStaffId)
    {
        CustomerId = customerId;
        SpentOn = spentOn;
        Category = category;
        Amount = amount;
        Description = description;
        CreatedAt = now;
        CreatedById = byStaffId;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public DateOnly SpentOn { get; private set; }
    public ExpenseCategory Category { get; private set; }
    public decimal Amount { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long CreatedById { get; private set; }
}

/// <summary>The finance rule: 未备案客户的招待、差旅、礼品费用，财务一律不予报销.</summary>
public static class Reimbursability
{
    /// <summary>
    /// Filed as of <paramref name="asOf"/>: the filing was accepted and its accepted submission's business date (the met date) is on or
    /// before that date.
    /// </summary>
    public static bool FiledAsOf(DateOnly? metOn, DateOnly asOf) => metOn is { } met && met <= asOf;

    /// <summary>Null when reimbursable; otherwise the reason (zh-CN).</summary>
    public static string? Refusal(DateOnly? metOn, DateOnly spentOn) =>
        FiledAsOf(metOn, spentOn) ? null
        : metOn is { } met ? $"客户于 {met:yyyy-MM-dd} 才完成备案，晚于费用发生日 {spentOn:yyyy-MM-dd}：未备案客户的费用不予报销。"
        : $"截至费用发生日 {spentOn:yyyy-MM-dd} 客户尚未备案：未备案客户的费用不予报销。";
}
