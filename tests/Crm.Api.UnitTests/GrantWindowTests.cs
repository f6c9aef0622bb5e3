using Crm.Api.Common.Security;

namespace Crm.Api.UnitTests;

/// <summary>A grant opens an archive from its start until (not including) its expiry, and then by itself no more.</summary>
public class GrantWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_grant_is_in_force_from_its_start_until_its_expiry()
    {
        GrantWindow[] windows = [new(CustomerId: 7, GrantId: 1, Start, Start.AddDays(7))];

        GrantWindow.ActiveAt(windows, Start.AddSeconds(-1)).ShouldBeEmpty();
        GrantWindow.ActiveAt(windows, Start)[7].ShouldBe(1);
        GrantWindow.ActiveAt(windows, Start.AddDays(7).AddTicks(-1)).Keys.ShouldBe([7L]);
        GrantWindow.ActiveAt(windows, Start.AddDays(7)).ShouldBeEmpty();
    }

    [Fact]
    public void Of_several_grants_for_one_customer_the_newest_in_force_is_named()
    {
        GrantWindow[] windows = [new(7, 1, Start, Start.AddDays(1)), new(7, 2, Start, Start.AddDays(3)), new(8, 3, Start, Start.AddDays(1))];

        var active = GrantWindow.ActiveAt(windows, Start.AddDays(2));

        active.ShouldBe(new Dictionary<long, long> { [7] = 2 });
    }
}
