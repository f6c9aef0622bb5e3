using Crm.Api.Common.Calendar;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Common.Startup;
using Crm.Api.Domain.Access;
using Crm.Api.Features.Access;
using Crm.Api.Features.Classification;
using Crm.Api.Features.Deadlines;
using Crm.Api.Features.Export;
using Crm.Api.Features.FollowUp;
using Crm.Api.Features.Facts;
using Crm.Api.Features.Imports;
using Crm.Api.Features.Kpi;
using Microsoft.Extensions.Configuration;

namespace Crm.Api.UnitTests;

/// <summary>Every default number is configuration with that number as its default; the shipped appsettings.json
/// must not quietly change it.</summary>
public class SettingsDefaultsTests
{
    private static readonly IConfiguration Shipped = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryRoot(), "api", "Crm.Api", "appsettings.json"), optional: false)
        .Build();

    [Fact]
    public void Sign_in_defaults_15_minute_tokens_30_second_skew_5_failures_in_15_minutes_lock_5_minutes()
    {
        var jwt = Bind<JwtOptions>("Jwt");
        (jwt.AccessTokenMinutes, jwt.ClockSkewSeconds, jwt.RefreshTokenDays).ShouldBe((15, 30, 14));
        var throttle = Bind<LoginThrottleOptions>("Auth:LoginThrottle");
        (throttle.MaxFailures, throttle.MaxFailuresPerAddress, throttle.Window, throttle.Lockout)
            .ShouldBe((5, 20, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Access_requests_last_at_most_7_days_and_route_to_the_unit_manager_or_the_general_manager()
    {
        Bind<AccessRequestOptions>("Access:Requests").MaxDays.ShouldBe(7);
        var approvers = Bind<ApprovalRoutingOptions>("Access:Approvers");
        approvers.OwnUnit.ShouldBe([Domain.Org.Positions.UnitManager, Domain.Org.Positions.DeputyManager]);
        approvers.OtherUnit.ShouldBe([Domain.Org.Positions.GeneralManager, Domain.Org.Positions.DeputyGeneralManager]);
    }

    [Fact]
    public void Exports_stream_up_to_5_000_rows_refuse_more_than_100_000_and_keep_files_24_hours()
    {
        var export = Bind<ExportOptions>("Export");
        (export.SynchronousRows, export.MaxRows, export.RetentionHours, export.TimeZone).ShouldBe((5_000, 100_000, 24, "Asia/Shanghai"));
    }

    [Fact]
    public void Facts_bulk_upserts_take_5_000_rows_and_queries_cover_at_most_120_months()
    {
        var facts = Bind<FactsOptions>("Facts");
        (facts.MaxBulkRows, facts.MaxRangeMonths, facts.TimeZone).ShouldBe((5_000, 120, "Asia/Shanghai"));
    }

    [Fact]
    public void Imports_take_files_up_to_10_MiB_and_50_000_rows_run_up_to_1_000_rows_in_the_request_and_write_1_000_rows_a_batch()
    {
        var import = Bind<ImportOptions>("Import");
        (import.MaxFileBytes, import.MaxRows, import.SynchronousRows, import.BatchRows, import.PollInterval, import.LeaseDuration)
            .ShouldBe((10L * 1024 * 1024, 50_000, 1_000, 1_000, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2)));
        var defaults = new ImportOptions();
        (defaults.MaxFileBytes, defaults.MaxRows, defaults.SynchronousRows, defaults.BatchRows).ShouldBe((import.MaxFileBytes, import.MaxRows,
            import.SynchronousRows, import.BatchRows));
    }

    [Fact]
    public void The_calendar_is_Shanghai_s_rechecked_every_30_seconds_adds_at_most_1000_days_and_knows_the_statutory_holidays()
    {
        var calendar = Bind<CalendarOptions>("Calendar");
        (calendar.RefreshSeconds, calendar.TimeZone, calendar.MaxAddDays).ShouldBe((30, "Asia/Shanghai", 1000));
        calendar.EffectiveHolidayNames.ShouldBe(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]);
    }

    [Fact]
    public void Classification_grades_by_the_manufacturer_policy_rates_in_batches_of_2_000_and_flags_risk_from_90_days_overdue()
    {
        var classification = Bind<ClassificationOptions>("Classification");
        (classification.DefaultScheme, classification.RunBatchSize, classification.RunLease, classification.RunPollInterval)
            .ShouldBe(("manufacturer", 2_000, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2)));
        (classification.BothEndsTop, classification.RiskDaysOverdue).ShouldBe((10, 90));
    }

    [Fact]
    public void Follow_up_duties_are_the_policy_s_contact_frequencies_with_reminders_after_30_60_90_180_days()
    {
        var followUp = Bind<FollowUpOptions>("FollowUp");
        followUp.EffectiveContactRules().ShouldBe(Domain.FollowUp.ContactRules.Defaults);
        Domain.FollowUp.ContactRules.Defaults.Select(r => $"{r.Grade} {r.Role} {r.Kind} ≥{r.Times}/{r.Period}").ShouldBe([
            "A CompanyLeader Visit ≥1/Year", "A CompanyLeader Call ≥1/Month", "A UnitManager Visit ≥2/Year", "A UnitManager Call ≥1/Week",
            "A Owner Visit ≥1/Week", "B UnitManager Visit ≥1/Year", "B Owner Visit ≥1/Month", "B Owner Call ≥1/Month", "C Owner Call ≥1/Month"]);
        followUp.NoFollowUpDays.ShouldBe(new Dictionary<string, int> { ["A"] = 30, ["B"] = 60, ["C"] = 90, ["D"] = 180 });
        followUp.NoPurchaseDays.ShouldBe(new Dictionary<string, int> { ["A"] = 60, ["B"] = 90, ["C"] = 180 });
        (followUp.CareLookaheadDays, followUp.CareGrades).ShouldBe((30, "A,B"));
    }

    [Fact]
    public void The_read_log_commits_in_batches_of_500_and_sqlite_commits_survive_power_loss()
    {
        Bind<ReadLogOptions>("ReadLog").MaxBatchSize.ShouldBe(500);
        var database = Bind<DatabaseOptions>("Database");
        (database.Provider, database.SqliteSynchronous, database.MigrateOnStartup).ShouldBe((DatabaseProvider.Sqlite, SqliteSynchronous.Full, true));
        Bind<DemoDataOptions>("DemoData").Enabled.ShouldBeFalse("demo users exist only when the switch is on");
    }

    [Fact]
    public void Filing_and_change_reports_are_due_in_5_working_days_due_soon_at_2_and_sales_units_owe_5_feedback_forms_2_A_2_B_1_C()
    {
        foreach (var deadlines in new[] { new DeadlinesOptions(), Bind<DeadlinesOptions>("Deadlines") })
        {
            (deadlines.FilingWorkingDays, deadlines.ChangeReportWorkingDays, deadlines.DueSoonWorkingDays, deadlines.ReminderInterval)
                .ShouldBe((5, 5, 2, TimeSpan.FromHours(1)));
            deadlines.FilingRequiredFieldList.ShouldBe(
                ["name", "creditCode", "enterpriseNature", "industry", "address", "region", "category", "firstContactOn", "keyPersonWithPhone"]);
            deadlines.ReportedFieldList.ShouldBe(["name", "address", "enterpriseNature", "keyPersons"]);
            deadlines.FeedbackQuota.Keys.ShouldBe(["Sales"]);
            var sales = deadlines.QuotaFor(Domain.Org.OrgUnitKind.Sales)!;
            (sales.Total, sales.Grades["A"], sales.Grades["B"], sales.Grades["C"], sales.Grades.Count).ShouldBe((5, 2, 2, 1, 3));
            deadlines.QuotaFor(Domain.Org.OrgUnitKind.Service).ShouldBeNull();
            deadlines.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(deadlines)).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Rate_limits_are_on_with_300000_requests_a_minute_per_person_or_client_and_6000_per_address_without_a_token()
    {
        var limits = Bind<Crm.Api.Common.Http.RateLimitOptions>("RateLimits");
        (limits.Enabled, limits.PermitsPerMinute, limits.AnonymousPermitsPerMinute).ShouldBe((true, 300_000, 6_000));
        var defaults = new Crm.Api.Common.Http.RateLimitOptions();
        (defaults.Enabled, defaults.PermitsPerMinute, defaults.AnonymousPermitsPerMinute).ShouldBe((true, 300_000, 6_000));
    }

    [Fact]
    public void Idempotency_keys_are_kept_24_hours_an_abandoned_claim_frees_after_5_minutes_and_expired_keys_are_purged_hourly()
    {
        var shipped = Bind<Crm.Api.Common.Http.IdempotencyOptions>("Idempotency");
        (shipped.Retention, shipped.InFlightTimeout, shipped.PurgeInterval).ShouldBe((TimeSpan.FromHours(24), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)));
        var defaults = new Crm.Api.Common.Http.IdempotencyOptions();
        (defaults.Retention, defaults.InFlightTimeout, defaults.PurgeInterval).ShouldBe((TimeSpan.FromHours(24), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Webhooks_refuse_private_targets_try_8_times_from_30_seconds_doubling_to_1_hour_and_keep_events_7_days()
    {
        foreach (var options in new[] { Bind<Crm.Api.Features.Webhooks.WebhookOptions>("Webhooks"), new Crm.Api.Features.Webhooks.WebhookOptions() })
            (options.AllowPrivateTargets, options.MaxAttempts, options.FirstRetryDelay, options.MaxRetryDelay, options.Timeout, options.PollInterval,
                    options.RetentionDays)
                .ShouldBe((false, 8, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 7));
    }

    [Fact]
    public void Kpi_defaults_2_reminders_cost_2_points_3_complaints_disqualify_scorecard_90_rewards_500_below_80_costs_50_and_40_per_point()
    {
        foreach (var kpi in new[] { new KpiOptions(), Bind<KpiOptions>("Kpi") })
        {
            (kpi.LateFilingReminders, kpi.LateFilingPoints, kpi.FeedbackShortfallPointsPerForm, kpi.ContactShortfallPointsPerContact)
                .ShouldBe((2, 2m, 1m, 0.5m));
            (kpi.ComplaintsPerYearDisqualify, kpi.LostCustomerPoints, kpi.LostCustomerComplaintMonths, kpi.AmountPerPoint).ShouldBe((3, 5m, 12, 0m));
            (kpi.RewardScore, kpi.PassScore, kpi.RewardAmount, kpi.LeaderPenaltyPerPoint, kpi.DeputyPenaltyPerPoint).ShouldBe((90m, 80m, 500m, 50m, 40m));
            kpi.ScorecardItems.Keys.ShouldBe(["filing", "feedback", "contact", "retention", "service"]);
            kpi.ScorecardItems.Values.Sum(i => i.MaxPoints).ShouldBe(100m);
            kpi.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(kpi)).ShouldBeEmpty();
        }
    }

    private static T Bind<T>(string section) where T : new()
    {
        var bound = new T();
        Shipped.GetSection(section).Bind(bound);
        return bound;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Crm.sln not found above " + AppContext.BaseDirectory);
    }
}
