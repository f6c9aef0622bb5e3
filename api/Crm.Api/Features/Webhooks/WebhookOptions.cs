using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Crm.Api.Domain.Integration;

namespace Crm.Api.Features.Webhooks;

/// <summary>Settings of outgoing webhooks (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allow targets on loopback, link-local and private networks (tests, on-premises receivers). Off: such URLs are refused.</summary>
    public bool AllowPrivateTargets { get; set; }

    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Dispatched events are deleted after this many days (deliveries keep their log until then).</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 7;
}

public static class WebhookSetup
{
    public const string HttpClientName = "webhooks";

    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.AllowPrivateTargets;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    // The address is checked where the connection is made, so a name that resolves differently later
                    // (DNS rebinding) cannot smuggle a delivery onto an internal network.
                    ConnectCallback = async (context, ct) =>
                    {
                        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                        var allowed = addresses.Where(a => allowPrivate || WebhookTargets.IsPublic(a)).ToList();
                        if (allowed.Count == 0)
                            throw new HttpRequestException($"Webhook target {context.DnsEndPoint.Host} resolves only to addresses that are not allowed.");
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
