using System.Net;
using System.Security.Cryptography;
using System.Text;
using Crm.Api.Domain.Integration;

namespace Crm.Api.UnitTests.Integration;

public class WebhookRulesTests
{
    [Fact]
    public void Backoff_doubles_from_the_first_delay_and_stops_at_the_cap()
    {
        var first = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromHours(1);
        Enumerable.Range(1, 9).Select(n => WebhookBackoff.After(n, first, cap).TotalSeconds)
            .ShouldBe([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        WebhookBackoff.After(1000, first, cap).ShouldBe(cap);
    }

    [Fact]
    public void The_signature_is_hex_HMAC_SHA256_of_timestamp_dot_body()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);
        var header = WebhookSignature.Header("whsec_test", at, "{\"a\":1}");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData("whsec_test"u8.ToArray(), Encoding.UTF8.GetBytes("1795000000.{\"a\":1}")));
        header.ShouldBe($"t=1795000000,v1={expected}");
        WebhookSignature.NewSecret().ShouldStartWith("whsec_");
        WebhookSignature.NewSecret().ShouldNotBe(WebhookSignature.NewSecret());
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.8", false)]
    [InlineData("172.16.3.4", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void Only_public_addresses_are_targets(string address, bool isPublic) =>
        WebhookTargets.IsPublic(IPAddress.Parse(address)).ShouldBe(isPublic);

    [Fact]
    public void A_failed_delivery_waits_then_gives_up_after_the_last_attempt_and_a_redelivery_starts_it_again()
    {
        var at = DateTimeOffset.Parse("2026-11-23T08:00:00Z");
        var delivery = new WebhookDelivery(1, 1, at);
        delivery.Failed(503, "HTTP 503", at, maxAttempts: 3, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        (delivery.Status, delivery.Attempts, delivery.NextAttemptAt).ShouldBe((DeliveryStatus.Pending, 1, at.AddSeconds(30)));
        delivery.Failed(503, "HTTP 503", at, maxAttempts: 3, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        delivery.NextAttemptAt.ShouldBe(at.AddSeconds(60));
        delivery.Failed(null, "timeout", at, maxAttempts: 3, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        (delivery.Status, delivery.Attempts, delivery.LastStatusCode).ShouldBe((DeliveryStatus.Failed, 3, (int?)null));
        delivery.Redeliver(at.AddMinutes(5));
        (delivery.Status, delivery.NextAttemptAt).ShouldBe((DeliveryStatus.Pending, at.AddMinutes(5)));
        delivery.Succeeded(200, at.AddMinutes(5));
        (delivery.Status, delivery.Attempts, delivery.DeliveredAt).ShouldBe((DeliveryStatus.Delivered, 4, at.AddMinutes(5)));
    }
}
