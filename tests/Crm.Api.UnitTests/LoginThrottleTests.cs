using Crm.Api.Common.Security;
using Crm.Api.Features.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests;

public sealed class LoginThrottleTests
{
    private const string User = "user:zhangsan";
    private const string Address = "ip:10.0.0.1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(Options.Create(new LoginThrottleOptions()), _clock);

    private void Fail(int times, string user = User, string address = Address, TimeSpan? gap = null)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.RecordFailure(user, address);
            if (gap is { } g)
                _clock.Advance(g);
        }
    }

    [Fact]
    public void Default_policy_is_5_failures_per_user_20_per_address_in_15_minutes_with_a_5_minute_lockout()
    {
        var o = new LoginThrottleOptions();
        o.MaxFailures.ShouldBe(5);
        o.MaxFailuresPerAddress.ShouldBe(20);
        o.Window.ShouldBe(TimeSpan.FromMinutes(15));
        o.Lockout.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Nothing_is_locked_before_any_failure() =>
        _throttle.RetryAfter(User, Address).ShouldBeNull();

    [Fact]
    public void Four_failures_for_a_user_name_do_not_lock_it()
    {
        Fail(4, gap: TimeSpan.FromSeconds(10));

        _throttle.RetryAfter(User).ShouldBeNull();
        _throttle.RetryAfter(User, Address).ShouldBeNull();
    }

    [Fact]
    public void The_fifth_failure_within_the_window_locks_the_user_name_for_the_lockout()
    {
        Fail(5, gap: TimeSpan.FromSeconds(10));

        // The last failure was 10 s ago.
        _throttle.RetryAfter(User).ShouldBe(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(10));
        _throttle.RetryAfter(User, Address).ShouldBe(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(10));
        _throttle.RetryAfter(Address).ShouldBeNull();
    }

    [Fact]
    public void The_lockout_counts_down_and_ends()
    {
        Fail(5);

        _throttle.RetryAfter(User).ShouldBe(TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(3));
        _throttle.RetryAfter(User).ShouldBe(TimeSpan.FromMinutes(2));
        _clock.Advance(TimeSpan.FromMinutes(2));
        _throttle.RetryAfter(User).ShouldBeNull();
    }

    [Fact]
    public void After_a_lockout_the_count_starts_again()
    {
        Fail(5);
        _clock.Advance(TimeSpan.FromMinutes(6));

        Fail(4);
        _throttle.RetryAfter(User).ShouldBeNull();
        Fail(1);
        _throttle.RetryAfter(User).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Failures_older_than_the_window_do_not_count()
    {
        Fail(4);
        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Fail(1);
        _throttle.RetryAfter(User).ShouldBeNull();
        Fail(3);
        _throttle.RetryAfter(User).ShouldBeNull();
        Fail(1);
        _throttle.RetryAfter(User).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Failures_spread_within_the_window_still_count()
    {
        // Five failures over 14 minutes: all inside the 15-minute window.
        Fail(4, gap: TimeSpan.FromMinutes(3.5));
        Fail(1);

        _throttle.RetryAfter(User).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Reset_clears_the_failures_and_the_lockout()
    {
        Fail(5);
        _throttle.RetryAfter(User).ShouldNotBeNull();

        _throttle.Reset(User);
        _throttle.RetryAfter(User).ShouldBeNull();

        Fail(4);
        _throttle.RetryAfter(User).ShouldBeNull();
    }

    [Fact]
    public void Reset_before_the_limit_forgets_earlier_failures()
    {
        Fail(4);
        _throttle.Reset(User);

        Fail(4);
        _throttle.RetryAfter(User).ShouldBeNull();
    }

    [Fact]
    public void One_user_names_failures_do_not_lock_another_user_name()
    {
        Fail(5);

        _throttle.RetryAfter("user:lisi").ShouldBeNull();
    }

    [Fact]
    public void An_address_is_locked_after_20_failures_across_user_names()
    {
        for (var i = 0; i < 19; i++)
            _throttle.RecordFailure($"user:u{i}", Address);
        _throttle.RetryAfter(Address).ShouldBeNull();
        _throttle.RetryAfter("user:new", Address).ShouldBeNull();

        _throttle.RecordFailure("user:u19", Address);

        _throttle.RetryAfter(Address).ShouldBe(TimeSpan.FromMinutes(5));
        _throttle.RetryAfter("user:new", Address).ShouldBe(TimeSpan.FromMinutes(5));
        _throttle.RetryAfter("user:new", "ip:10.0.0.2").ShouldBeNull();
    }

    [Fact]
    public void RetryAfter_reports_the_longest_wait_of_the_keys()
    {
        Fail(5, user: "user:a", address: "ip:a");
        _clock.Advance(TimeSpan.FromMinutes(2));
        Fail(5, user: "user:b", address: "ip:b");

        _throttle.RetryAfter("user:a", "user:b").ShouldBe(TimeSpan.FromMinutes(5));
        _throttle.RetryAfter("user:a").ShouldBe(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Configured_limits_are_honoured()
    {
        var throttle = new LoginThrottle(Options.Create(new LoginThrottleOptions
        {
            MaxFailures = 2,
            Lockout = TimeSpan.FromMinutes(30),
        }), _clock);

        throttle.RecordFailure(User, Address);
        throttle.RetryAfter(User).ShouldBeNull();
        throttle.RecordFailure(User, Address);
        throttle.RetryAfter(User).ShouldBe(TimeSpan.FromMinutes(30));
    }
}
