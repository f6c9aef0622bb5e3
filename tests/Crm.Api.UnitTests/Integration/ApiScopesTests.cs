using System.Threading.RateLimiting;
using Crm.Api.Common.Http;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Integration;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests.Integration;

public class ApiScopesTests
{
    [Fact]
    public void A_scope_string_is_split_deduplicated_and_ordered_as_OAuth_writes_it()
    {
        ApiScopes.Parse("  customers:write customers:read customers:write ").ShouldBe(["customers:read", "customers:write"]);
        ApiScopes.Parse(null).ShouldBeEmpty();
        ApiScopes.Format(["facts:write", "customers:read", "facts:write"]).ShouldBe("customers:read facts:write");
    }

    [Fact]
    public void Scopes_lend_their_permissions_at_the_clients_data_scope_and_nothing_else()
    {
        ApiScopes.GrantsFor(["customers:read", "facts:write"], DataScope.UnitSubtree).ShouldBe(
        [
            new PermissionGrant(Permissions.CustomersRead, DataScope.UnitSubtree),
            new PermissionGrant(Permissions.CustomersWrite, DataScope.UnitSubtree),
        ]);
        ApiScopes.PermissionsFor(["webhooks:manage"]).ShouldBe(new[] { Permissions.IntegrationWebhooks });
        ApiScopes.PermissionsFor(["customers:delete"]).ShouldBeEmpty();
        ApiScopes.IsKnown("customers:delete").ShouldBeFalse();
        ApiScopes.Catalogue.Keys.ShouldAllBe(s => ApiScopes.PermissionsFor(new[] { s }).All(Permissions.IsKnown));
    }

    [Fact]
    public void A_secret_is_kept_as_a_hash_that_only_the_same_secret_matches()
    {
        var secret = ApiClient.NewSecret();
        var client = new ApiClient("ERP", ApiClient.NewClientId(), ApiClient.HashSecret(secret), ["customers:read"], DataScope.All, 1, 2, 3, 4,
            DateTimeOffset.UnixEpoch);

        client.SecretHash.ShouldNotContain(secret);
        client.SecretMatches(secret).ShouldBeTrue();
        client.SecretMatches(secret + "x").ShouldBeFalse();
        client.ClientId.ShouldMatch("^crm_[0-9a-f]{16}$");
        secret.ShouldStartWith("crs_");
        ApiClient.NewSecret().ShouldNotBe(secret);
    }
}

public class AlignedWindowRateLimiterTests
{
    [Fact]
    public void Permits_run_out_within_a_window_and_come_back_when_the_next_one_starts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 45, TimeSpan.Zero));
        using var limiter = new AlignedWindowRateLimiter(2, TimeSpan.FromMinutes(1), clock);

        limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        limiter.GetStatistics()!.CurrentAvailablePermits.ShouldBe(0);
        var refused = limiter.AttemptAcquire();
        refused.IsAcquired.ShouldBeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe(TimeSpan.FromSeconds(15));

        clock.Advance(TimeSpan.FromSeconds(15));
        limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        limiter.GetStatistics()!.CurrentAvailablePermits.ShouldBe(1);
    }

    [Fact]
    public void Windows_are_aligned_to_the_clock()
    {
        AlignedWindowRateLimiter.UntilWindowEnds(new DateTimeOffset(2026, 6, 1, 8, 0, 20, TimeSpan.Zero), TimeSpan.FromMinutes(1))
            .ShouldBe(TimeSpan.FromSeconds(40));
        AlignedWindowRateLimiter.UntilWindowEnds(new DateTimeOffset(2026, 6, 1, 8, 1, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1))
            .ShouldBe(TimeSpan.FromMinutes(1));
    }
}
