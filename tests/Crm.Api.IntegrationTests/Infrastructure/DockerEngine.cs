using System.Net.Sockets;

namespace Crm.Api.IntegrationTests.Infrastructure;

internal static class DockerEngine
{
    /// <summary>True when a Docker engine answers on DOCKER_HOST or the default Unix socket.</summary>
    public static bool IsReachable(out string why)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            why = "";
            return true;
        }
        var socket = string.IsNullOrEmpty(host) ? "/var/run/docker.sock" : host["unix://".Length..];
        if (!File.Exists(socket))
        {
            why = $"{socket} does not exist";
            return false;
        }
        try
        {
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            client.Connect(new UnixDomainSocketEndPoint(socket));
            why = "";
            return true;
        }
        catch (SocketException e)
        {
            why = $"{socket}: {e.Message}";
            return false;
        }
    }
}
