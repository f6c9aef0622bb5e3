using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>Small helpers over the customer endpoints, so tests read as what a person does.</summary>
public static class CustomerApi
{
    public static async Task<JsonObject> CreateCustomer(this HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", body, Json.Options);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Create failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Body();
    }

    public static async Task<long> StaffId(this HttpClient client, string username)
    {
        var page = await (await client.GetAsync($"/api/v1/org/staff?q={username}&includeInactive=true")).Body();
        return page["items"]!.AsArray().Single(s => s!["username"]!.GetValue<string>() == username)!["id"]!.GetValue<long>();
    }

    public static async Task<long> UnitId(this HttpClient client, string code)
    {
        var units = JsonNode.Parse(await client.GetStringAsync("/api/v1/org/units"))!.AsArray();
        return units.Single(u => u!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<long>();
    }

    public static async Task<List<long>> ListIds(this HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/customers?pageSize=100&" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await response.Body();
        return page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToList();
    }

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string? etag)
    {
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json.Options) }.WithIfMatch(ifMatch));
}
