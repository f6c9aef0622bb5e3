using Crm.Api.Domain.Org;

namespace Crm.Api.UnitTests;

public sealed class StaffTests
{
    private static Staff NewStaff(string username = "ZhangSan") =>
        new(username, "张三", unitId: 2, Positions.AccountManager, "zhang@example.cn", null);

    [Theory]
    [InlineData("ZhangSan", "zhangsan")]
    [InlineData("  Li.Si \t", "li.si")]
    [InlineData("wangwu", "wangwu")]
    public void Normalize_lowercases_and_trims(string input, string expected) =>
        Staff.Normalize(input).ShouldBe(expected);

    [Fact]
    public void A_new_staff_member_has_a_normalized_user_name_a_stamp_and_is_active()
    {
        var staff = NewStaff(" ZhangSan ");

        staff.NormalizedUsername.ShouldBe("zhangsan");
        staff.SecurityStamp.ShouldNotBeNullOrWhiteSpace();
        staff.IsActive.ShouldBeTrue();
        staff.Version.ShouldBe(1);
    }

    [Fact]
    public void Two_staff_members_get_different_security_stamps() =>
        NewStaff("a").SecurityStamp.ShouldNotBe(NewStaff("b").SecurityStamp);

    [Fact]
    public void Disable_deactivates_and_changes_the_security_stamp()
    {
        var staff = NewStaff();
        var before = staff.SecurityStamp;

        staff.Disable();

        staff.IsActive.ShouldBeFalse();
        staff.SecurityStamp.ShouldNotBe(before);
        staff.Version.ShouldBe(2);
    }

    [Fact]
    public void SetPasswordHash_stores_the_hash_and_changes_the_security_stamp()
    {
        var staff = NewStaff();
        var before = staff.SecurityStamp;

        staff.SetPasswordHash("hash-1");

        staff.PasswordHash.ShouldBe("hash-1");
        staff.SecurityStamp.ShouldNotBe(before);
        staff.Version.ShouldBe(2);
    }

    [Fact]
    public void Enable_reactivates_a_disabled_person()
    {
        var staff = NewStaff();
        staff.Disable();

        staff.Enable();

        staff.IsActive.ShouldBeTrue();
        staff.Version.ShouldBe(3);
    }

    [Theory]
    [InlineData(Positions.AccountManager, Positions.AccountManager, true)]
    [InlineData(Positions.AccountManager | Positions.UnitManager, Positions.UnitManager, true)]
    [InlineData(Positions.AccountManager, Positions.UnitManager, false)]
    [InlineData(Positions.AccountManager, Positions.UnitManager | Positions.AccountManager, true)]
    public void Holds_is_true_when_any_of_the_asked_positions_is_held(Positions held, Positions asked, bool expected)
    {
        var staff = new Staff("u", "U", 1, held, null, null);

        staff.Holds(asked).ShouldBe(expected);
    }

    [Fact]
    public void Position_names_list_each_held_position()
    {
        (Positions.UnitManager | Positions.AccountManager).ToNames().ShouldBe(["UnitManager", "AccountManager"]);
        Positions.None.ToNames().ShouldBeEmpty();
    }
}
