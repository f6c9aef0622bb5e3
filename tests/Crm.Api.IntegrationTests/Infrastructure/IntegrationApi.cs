using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>An API client as the create endpoint answers it: ids and the secret shown once.</summary>
public sealed record TestApiClient(long Id, string ClientId, string Secret, long StaffId, string DisplayName);

/// <summary>Helpers over the API-client admin and the OAuth token endpoint.</summary>
public static class IntegrationApi
{
    public static async Task<TestApiClient> CreateApiClient(this ApiFixture api, string name, string[] scopes, string dataScope = "All", long? unitId = null)
    {
        var admin = await api.As("admin");
        var response = await admin.PostJson("/api/v1/integration/clients", new { name, scopes, dataScope, unitId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Body();
        var client = body["client"]!;
        return new TestApiClient(client["id"]!.GetValue<long>(), client["clientId"]!.GetValue<string>(), body["clientSecret"]!.GetValue<string>(),
            client["staffId"]!.GetValue<long>(), "API 客户端：" + name);
    }

    /// <summary>POST /api/v1/auth/token, form-encoded; credentials by HTTP Basic unless <paramref name="inBody"/>.</summary>
    public static Task<HttpResponseMessage> RequestClientToken(this ApiFixture api, string clientId, string secret, string? scope = null,
        bool inBody = false, string grantType = "client_credentials")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType };
        if (scope is not null)
            form["scope"] = scope;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token");
        if (inBody)
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret;
        }
        else
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        request.Content = new FormUrlEncodedContent(form);
        return api.Anonymous().SendAsync(request);
    }

    public static async Task<HttpClient> AsApiClient(this ApiFixture api, TestApiClient client, string? scope = null)
    {
        var response = await api.RequestClientToken(client.ClientId, client.Secret, scope);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        var http = api.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
