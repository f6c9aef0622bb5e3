using System.Net;
using System.Net.Sockets;
using Crm.Api.Domain.Integration;

namespace Crm.Api.Features.Webhooks;

/// <summary>
/// Where a subscription may point. Checked when it is created and again at every connection (the HTTP client's
/// connect callback), because a name may resolve elsewhere later.
/// </summary>
internal static class WebhookUrls
{
    public const int MaxLength = 2000;

    /// <summary>The zh-CN reason the URL is refused, or null.</summary>
    public static async Task<string?> RefusalAsync(string? url, bool allowPrivateTargets, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "须为 http 或 https 的绝对地址。";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "地址中不能包含用户名或密码。";
        if (!string.IsNullOrEmpty(uri.Fragment))
            return "地址中不能包含片段（#）。";
        if (allowPrivateTargets)
            return null;
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
            }
            catch (SocketException)
            {
                return $"无法解析主机名 {uri.Host}。";
            }
        }
        return addresses.Length == 0 || addresses.Any(a => !WebhookTargets.IsPublic(a))
            ? "目标地址属于本机、链路本地或内网地址，不允许推送（管理员可通过 Webhooks:AllowPrivateTargets 放开）。"
            : null;
    }
}
