using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Api.IntegrationTests.Infrastructure;

public sealed record ReceivedWebhook(string Path, string EventId, string EventType, string Signature, string Body, DateTimeOffset At);

/// <summary>A real HTTP server on 127.0.0.1 that records what it is sent and answers what the test tells it to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    /// <summary>The status to answer a request with (default 200).</summary>
    public Func<ReceivedWebhook, int> Respond { get; set; } = _ => 200;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapGet("/", () => "ok");
        app.MapPost("/redirect", () => Results.Redirect("/target"));
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var received = new ReceivedWebhook(http.Request.Path, http.Request.Headers["Crm-Event-Id"].ToString(), http.Request.Headers["Crm-Event-Type"].ToString(),
                http.Request.Headers["Crm-Signature"].ToString(), await reader.ReadToEndAsync(), DateTimeOffset.UtcNow);
            receiver._received.Enqueue(received);
            return Results.StatusCode(receiver.Respond(received));
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public async Task<IReadOnlyList<ReceivedWebhook>> WaitFor(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            var now = Received;
            if (condition(now))
                return now;
            await Task.Delay(50);
        }
        return Received;
    }

    /// <summary>Checks a Crm-Signature the way a receiver must: HMAC-SHA256 over "t.body", in constant time.</summary>
    public static bool SignatureIsValid(string header, string body, string secret)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1))
            return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return v1.Length == expected.Length * 2 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(v1), expected);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
