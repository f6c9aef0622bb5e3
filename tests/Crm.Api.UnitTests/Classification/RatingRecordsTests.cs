using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;

namespace Crm.Api.UnitTests.Classification;

public class RatingRecordsTests
{
    private static readonly IReadOnlyList<GradeDefinition> Grades = GradingPresets.Manufacturer().Grades;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, "B", GradeDirection.Initial)]
    [InlineData("", "A", GradeDirection.Initial)]
    [InlineData("B", "A", GradeDirection.Upgrade)]
    [InlineData("D", "C", GradeDirection.Upgrade)]
    [InlineData("A", "D", GradeDirection.Downgrade)]
    [InlineData("C", "C", GradeDirection.Same)]
    [InlineData("X", "A", GradeDirection.Same)]
    public void Up_and_down_follow_the_schemes_order_of_grades(string? from, string to, GradeDirection expected) =>
        GradeChange.DirectionOf(from, to, Grades).ShouldBe(expected);

    [Fact]
    public void Both_presets_survive_the_stored_json_form_and_grade_exactly_as_before()
    {
        var input = new GradingInput(EnterpriseNature.Private, CustomerCategory.FirstTierAgent, CustomerStatus.Active, 1, false, RiskFlags.None,
            3_000_000m, 5_200m, 0.4m, 10, 0.9m, 0, 10_000m);
        foreach (var preset in GradingPresets.All)
        {
            var stored = GradingSchemeJson.Deserialize(GradingSchemeJson.Serialize(preset));
            SchemeValidator.Validate(stored).ShouldBeEmpty();
            var before = GradingEngine.Evaluate(preset, input);
            var after = GradingEngine.Evaluate(stored, input);
            (after.Grade, after.Basis, after.Rule?.RuleId).ShouldBe((before.Grade, before.Basis, before.Rule?.RuleId));
        }
    }

    [Fact]
    public void A_stored_explanation_reads_back_with_its_conditions_and_actual_values()
    {
        var input = new GradingInput(EnterpriseNature.Private, CustomerCategory.FirstTierAgent, CustomerStatus.Active, 1, false, RiskFlags.None,
            3_000_000m, 5_200m, 0.4m, 10, 0.9m, 0, 10_000m);
        var result = GradingEngine.Evaluate(GradingPresets.Manufacturer(), input);

        var read = GradingSchemeJson.DeserializeResult(GradingSchemeJson.SerializeResult(result));

        read.Rule!.RuleId.ShouldBe("m-a-first-tier-volume");
        read.Rule.Conditions.Select(c => (c.Field, c.Actual, c.Held)).ShouldContain((GradingFields.AverageMonthlyVolume, "5200", true));
    }

    [Fact]
    public void A_version_keeps_the_scheme_as_written()
    {
        var version = new GradingSchemeVersion(GradingPresets.Logistics(), 3, new DateOnly(2027, 1, 1), "2027 年起", Now, 8);

        (version.Code, version.Version, version.Name, version.EffectiveFrom).ShouldBe(("logistics", 3, GradingPresets.Logistics().Name, new DateOnly(2027, 1, 1)));
        version.Scheme().Rules.Select(r => r.Id).ShouldBe(GradingPresets.Logistics().Rules.Select(r => r.Id));
    }

    [Fact]
    public void A_run_is_active_until_every_line_is_decided()
    {
        var run = new RatingRun("manufacturer", 1, new DateOnly(2026, 11, 23), "{}", 8, Now);

        run.IsActive.ShouldBeTrue();
        run.Status.ShouldBe(RatingRunStatus.Queued);
        run.CompleteIfDecided(Now, 8);
        run.Status.ShouldBe(RatingRunStatus.Queued, "a queued run is not under review yet");
        run.IsActive.ShouldBeTrue();
    }

    [Fact]
    public void Overriding_marks_the_customer_and_an_approved_rating_clears_the_mark()
    {
        var customer = new Customer("KH1", new CustomerDetails("上海测试贸易有限公司", "91310115MA1K3YJ12X", EnterpriseNature.Private, null, null, null, null,
            null, null, null, CustomerCategory.Distributor, "B", CustomerStatus.Active, RiskFlags.None, null, null), 1, 1, null, [], [], Now, 1);

        customer.ChangeGrade("A", overridden: true, Now, 2).Select(c => (c.Field, c.OldValue, c.NewValue))
            .ShouldBe([("grade", "B", "A"), ("gradeOverridden", "false", "true")]);
        customer.GradeOverridden.ShouldBeTrue();
        customer.ChangeGrade("A", overridden: true, Now, 2).ShouldBeEmpty();
        customer.ChangeGrade("C", overridden: false, Now, 2).Select(c => c.Field).ShouldBe(["grade", "gradeOverridden"]);
        customer.GradeOverridden.ShouldBeFalse();
    }
}
