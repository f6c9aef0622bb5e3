using System.Globalization;
using Crm.Api.Domain.Customers;

namespace Crm.Api.UnitTests;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset T1 = T0.AddHours(1);
    private const long OwnerId = 10;
    private const long CreatorId = 1;
    private const long EditorId = 2;

    private static CustomerDetails Details(string name = "上海华信贸易有限公司") => new(
        Name: name,
        CreditCode: "91350100M000100Y43",
        EnterpriseNature: EnterpriseNature.Private,
        SupervisingUnit: null,
        Industry: "贸易",
        RegisteredCapital: 1000000m,
        TotalAssets: null,
        FoundedOn: new DateOnly(2001, 5, 8),
        Address: "上海市浦东新区",
        Region: "华东",
        Category: CustomerCategory.Distributor,
        Grade: "B",
        Status: CustomerStatus.Active,
        RiskFlags: RiskFlags.None,
        FirstContactOn: null,
        CooperationStartOn: new DateOnly(2020, 1, 2));

    private static Customer NewCustomer(CustomerDetails? details = null) =>
        new("C0001", details ?? Details(), owningUnitId: 3, ownerId: OwnerId, serviceUnitId: 4, coServerIds: [], tags: [], T0, CreatorId);

    private static KeyPersonDetails Person() => new(
        Name: "张三", Title: "总经理", Level: KeyPersonLevel.Executive, Phone: "13800000000", Email: "zhang@example.cn",
        Birthday: new DateOnly(1970, 2, 3), Anniversaries: null, Personality: "外向", Interests: "围棋",
        Education: "本科", Age: 55, Family: "已婚");

    [Fact]
    public void Constructing_a_customer_builds_its_search_terms_and_starts_at_version_1()
    {
        var customer = NewCustomer();

        customer.SearchTerms.Select(t => t.Term).ShouldBe(SearchTerms.ForName("上海华信贸易有限公司"), ignoreOrder: true);
        customer.SearchTerms.Select(t => t.Term).ShouldContain("华信");
        customer.Version.ShouldBe(1);
        customer.CreatedAt.ShouldBe(T0);
        customer.UpdatedById.ShouldBe(CreatorId);
    }

    [Fact]
    public void Constructing_a_customer_trims_the_name_and_normalises_the_credit_code()
    {
        var customer = NewCustomer(Details("  华信贸易  ") with { CreditCode = " 91350100m000100y43 " });

        customer.Name.ShouldBe("华信贸易");
        customer.CreditCode.ShouldBe("91350100M000100Y43");
    }

    [Fact]
    public void Update_with_identical_details_returns_no_changes_and_keeps_the_version()
    {
        var customer = NewCustomer();

        var changes = customer.Update(Details(), T1, EditorId);

        changes.ShouldBeEmpty();
        customer.Version.ShouldBe(1);
        customer.UpdatedAt.ShouldBe(T0);
        customer.UpdatedById.ShouldBe(CreatorId);
    }

    [Fact]
    public void Update_that_only_differs_by_whitespace_and_case_normalisation_is_not_a_change()
    {
        var customer = NewCustomer();

        var changes = customer.Update(Details(" 上海华信贸易有限公司 ") with { CreditCode = "91350100m000100y43" }, T1, EditorId);

        changes.ShouldBeEmpty();
        customer.Version.ShouldBe(1);
    }

    [Fact]
    public void Update_returns_exactly_the_changed_fields_with_invariant_formatted_old_and_new_values()
    {
        var customer = NewCustomer();
        var updated = Details() with
        {
            RegisteredCapital = 2500000.50m,
            FoundedOn = new DateOnly(2002, 12, 31),
            FirstContactOn = new DateOnly(2019, 7, 4),
            Grade = "A",
            Category = CustomerCategory.FirstTierAgent,
            RiskFlags = RiskFlags.Arrears | RiskFlags.CreditDecline,
        };

        // A culture with a comma decimal separator and another date order must not leak into the history.
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        IReadOnlyList<FieldChange> changes;
        try
        {
            changes = customer.Update(updated, T1, EditorId);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        changes.ShouldBe(
        [
            new FieldChange("registeredCapital", "1000000", "2500000.50"),
            new FieldChange("foundedOn", "2001-05-08", "2002-12-31"),
            new FieldChange("category", "Distributor", "FirstTierAgent"),
            new FieldChange("grade", "B", "A"),
            new FieldChange("riskFlags", "", "Arrears,CreditDecline"),
            new FieldChange("firstContactOn", null, "2019-07-04"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Update_applies_the_changes_and_bumps_the_version_once()
    {
        var customer = NewCustomer();

        customer.Update(Details() with { Grade = "A", TotalAssets = 12.5m }, T1, EditorId);

        customer.Grade.ShouldBe("A");
        customer.TotalAssets.ShouldBe(12.5m);
        customer.Version.ShouldBe(2);
        customer.UpdatedAt.ShouldBe(T1);
        customer.UpdatedById.ShouldBe(EditorId);
    }

    [Fact]
    public void Update_of_the_name_rebuilds_the_search_terms()
    {
        var customer = NewCustomer();

        var changes = customer.Update(Details("北京远景科技有限公司"), T1, EditorId);

        changes.ShouldBe([new FieldChange("name", "上海华信贸易有限公司", "北京远景科技有限公司")]);
        var terms = customer.SearchTerms.Select(t => t.Term).ToList();
        terms.ShouldBe(SearchTerms.ForName("北京远景科技有限公司"), ignoreOrder: true);
        terms.ShouldNotContain("华信");
    }

    [Fact]
    public void Clearing_a_value_records_null_as_the_new_value()
    {
        var customer = NewCustomer();

        var changes = customer.Update(Details() with { Address = null, RegisteredCapital = null }, T1, EditorId);

        changes.ShouldBe(
        [
            new FieldChange("registeredCapital", "1000000", null),
            new FieldChange("address", "上海市浦东新区", null),
        ], ignoreOrder: true);
    }

    [Fact]
    public void SetCoServers_excludes_the_owner_dedupes_and_records_one_change()
    {
        var customer = NewCustomer();

        var changes = customer.SetCoServers([22, OwnerId, 21, 22], T1, EditorId);

        customer.CoServers.Select(c => c.StaffId).ShouldBe([21L, 22L], ignoreOrder: true);
        changes.ShouldBe([new FieldChange("coServerIds", "", "21,22")]);
        customer.Version.ShouldBe(2);
    }

    [Fact]
    public void SetCoServers_with_the_same_set_records_nothing_and_keeps_the_version()
    {
        var customer = NewCustomer();
        customer.SetCoServers([21, 22], T1, EditorId);

        var changes = customer.SetCoServers([22, 21, OwnerId], T1.AddHours(1), EditorId);

        changes.ShouldBeEmpty();
        customer.Version.ShouldBe(2);
    }

    [Fact]
    public void SetCoServers_replaces_the_set_and_records_old_and_new_ids()
    {
        var customer = NewCustomer();
        customer.SetCoServers([21, 22], T1, EditorId);

        var changes = customer.SetCoServers([23, 22], T1.AddHours(1), EditorId);

        changes.ShouldBe([new FieldChange("coServerIds", "21,22", "22,23")]);
        customer.CoServers.Select(c => c.StaffId).ShouldBe([22L, 23L], ignoreOrder: true);
    }

    [Fact]
    public void SetTags_trims_drops_blanks_and_dedupes()
    {
        var customer = NewCustomer();

        var changes = customer.SetTags([" 重点 ", "价格敏感", "重点", "  ", ""], T1, EditorId);

        customer.Tags.Select(t => t.Tag).ShouldBe(["价格敏感", "重点"], ignoreOrder: true);
        changes.ShouldHaveSingleItem().Field.ShouldBe("tags");
        changes[0].OldValue.ShouldBe("");
        customer.Version.ShouldBe(2);

        customer.SetTags(["重点", "价格敏感 "], T1, EditorId).ShouldBeEmpty();
        customer.Version.ShouldBe(2);
    }

    [Fact]
    public void Archive_marks_the_customer_archived_and_twice_throws()
    {
        var customer = NewCustomer();

        customer.Archive(T1, EditorId).ShouldBe(new FieldChange("archived", "false", "true"));
        customer.IsArchived.ShouldBeTrue();
        customer.ArchivedAt.ShouldBe(T1);
        customer.Version.ShouldBe(2);

        Should.Throw<InvalidOperationException>(() => customer.Archive(T1.AddHours(1), EditorId));
        customer.ArchivedAt.ShouldBe(T1);
        customer.Version.ShouldBe(2);
    }

    [Fact]
    public void Restore_when_not_archived_throws()
    {
        var customer = NewCustomer();

        Should.Throw<InvalidOperationException>(() => customer.Restore(T1, EditorId));
        customer.Version.ShouldBe(1);
    }

    [Fact]
    public void Restore_after_archive_clears_the_archive_state()
    {
        var customer = NewCustomer();
        customer.Archive(T1, EditorId);

        customer.Restore(T1.AddHours(1), EditorId).ShouldBe(new FieldChange("archived", "true", "false"));
        customer.IsArchived.ShouldBeFalse();
        customer.ArchivedAt.ShouldBeNull();
        customer.Version.ShouldBe(3);
    }

    [Fact]
    public void AssignOwnership_records_each_changed_id_and_nothing_when_unchanged()
    {
        var customer = NewCustomer();

        customer.AssignOwnership(3, OwnerId, 4, T1, EditorId).ShouldBeEmpty();
        customer.Version.ShouldBe(1);

        var changes = customer.AssignOwnership(5, 11, null, T1, EditorId);
        changes.ShouldBe(
        [
            new FieldChange("owningUnitId", "3", "5"),
            new FieldChange("ownerId", "10", "11"),
            new FieldChange("serviceUnitId", "4", null),
        ], ignoreOrder: true);
        customer.Version.ShouldBe(2);
    }

    [Fact]
    public void Adding_a_key_person_moves_the_customer_version()
    {
        var customer = NewCustomer();

        var person = customer.AddKeyPerson(Person(), T1, EditorId);

        customer.KeyPersons.ShouldBe([person]);
        person.Version.ShouldBe(1);
        customer.Version.ShouldBe(2);
    }

    [Fact]
    public void Key_person_update_masks_the_soft_facts_in_the_changes()
    {
        var person = NewCustomer().AddKeyPerson(Person(), T1, EditorId).WithId(7);

        var changes = person.Update(Person() with
        {
            Personality = "内向",
            Interests = "钓鱼",
            Education = "硕士",
            Age = 56,
            Family = "离异",
        });

        changes.ShouldBe(
        [
            new FieldChange("keyPersons[7].personality", "***", "***"),
            new FieldChange("keyPersons[7].interests", "***", "***"),
            new FieldChange("keyPersons[7].education", "***", "***"),
            new FieldChange("keyPersons[7].age", "***", "***"),
            new FieldChange("keyPersons[7].family", "***", "***"),
        ], ignoreOrder: true);
        person.Personality.ShouldBe("内向");
        person.Age.ShouldBe(56);
        person.Version.ShouldBe(2);
    }

    [Fact]
    public void Key_person_update_records_ordinary_fields_in_clear_and_nothing_when_unchanged()
    {
        var person = NewCustomer().AddKeyPerson(Person(), T1, EditorId).WithId(7);

        person.Update(Person()).ShouldBeEmpty();
        person.Version.ShouldBe(1);

        var changes = person.Update(Person() with { Title = "董事长", Birthday = new DateOnly(1970, 2, 4) });
        changes.ShouldBe(
        [
            new FieldChange("keyPersons[7].title", "总经理", "董事长"),
            new FieldChange("keyPersons[7].birthday", "1970-02-03", "1970-02-04"),
        ], ignoreOrder: true);
        person.Version.ShouldBe(2);
    }
}
