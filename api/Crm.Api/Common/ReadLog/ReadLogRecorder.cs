using Crm.Api.Common.Security;
using Crm.Api.Domain.Access;

namespace Crm.Api.Common.ReadLog;

/// <summary>What a read handler calls once the caller's right to the archive is established: one line per read.</summary>
public sealed class ReadLogRecorder(ReadLogWriter writer, UserContext users, IHttpContextAccessor http, TimeProvider clock)
{
    private const int UserAgentMaxLength = 200;

    public Task RecordAsync(long customerId, ReadAction action, CancellationToken ct) => RecordAsync([customerId], action, ct);

    /// <summary>One entry per customer, all in the same batch (for exports).</summary>
    public Task RecordAsync(IEnumerable<long> customerIds, ReadAction action, CancellationToken ct)
    {
        var user = users.User;
        var at = clock.GetUtcNow();
        var right = ReadRights.Describe(user);
        var client = DescribeClient(http.HttpContext);
        return writer.RecordAsync(customerIds.Select(id => new ReadLogDraft(at, user.StaffId, id, action, right, client)).ToList(), ct);
    }

    public static string DescribeClient(HttpContext? context)
    {
        if (context is null)
            return "ip=-; ua=-";
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "-";
        var ua = context.Request.Headers.UserAgent.ToString();
        if (ua.Length == 0)
            ua = "-";
        else if (ua.Length > UserAgentMaxLength)
            ua = ua[..UserAgentMaxLength];
        return $"ip={ip}; ua={ua}";
    }
}
