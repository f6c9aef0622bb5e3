using Crm.Api.Domain.Expenses;

namespace Crm.Api.UnitTests.Kpi;

public class ExpenseRuleTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    [Theory]
    [InlineData("2026-03-09", "2026-03-09", true)]
    [InlineData("2026-03-09", "2026-03-10", true)]
    [InlineData("2026-03-09", "2026-03-08", false)]
    public void An_expense_is_reimbursable_only_when_the_customer_was_filed_on_or_before_its_date(string metOn, string spentOn, bool reimbursable)
    {
        (Reimbursability.Refusal(D(metOn), D(spentOn)) is null).ShouldBe(reimbursable);
        Reimbursability.FiledAsOf(D(metOn), D(spentOn)).ShouldBe(reimbursable);
    }

    [Fact]
    public void An_unfiled_customers_expense_is_not_reimbursable_with_the_reason()
    {
        Reimbursability.FiledAsOf(null, D("2026-03-01")).ShouldBeFalse();
        Reimbursability.Refusal(null, D("2026-03-01"))!.ShouldContain("尚未备案");
        Reimbursability.Refusal(D("2026-03-05"), D("2026-03-01"))!.ShouldContain("2026-03-05");
    }
}
