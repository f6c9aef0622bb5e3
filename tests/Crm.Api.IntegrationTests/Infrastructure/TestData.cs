using Crm.Api.Domain.Customers;

namespace Crm.Api.IntegrationTests.Infrastructure;

public static class TestData
{
    private static int _counter = Random.Shared.Next(1_000_000);

    /// <summary>A valid, practically unique credit code.</summary>
    public static string CreditCode()
    {
        var n = Interlocked.Increment(ref _counter) + Random.Shared.Next(1_000_000) * 1_000_000L;
        var body = n.ToString("D8")[^8..];
        return UnifiedSocialCreditCode.Compose("91", "310115", body);
    }

    public static Dictionary<string, object?> NewCustomer(string name, Action<Dictionary<string, object?>>? tweak = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["creditCode"] = CreditCode(),
            ["enterpriseNature"] = "Private",
            ["category"] = "Distributor",
            ["status"] = "Active",
            ["grade"] = "B",
            ["region"] = "上海",
            ["address"] = "上海市浦东新区张江路 100 号",
            ["firstContactOn"] = "2026-03-02",
            ["tags"] = new[] { "展会" },
        };
        tweak?.Invoke(body);
        return body;
    }

    public static string UniqueName(string stem) => $"{stem}{Guid.NewGuid().ToString("N")[..6]}贸易有限公司";
}
