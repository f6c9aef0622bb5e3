using Crm.Api.Common.Security;
using Crm.Api.Domain.Access;

namespace Crm.Api.Common.ReadLog;

/// <summary>What a read handler calls once the caller's right to the archive is established: one line per read.</summary>
public sealed class ReadLogRecorder(ReadLogWriter writer, UserContext users, IHttpContextAccessor http, TimeProvider clock, Data.CrmDbContext db)
{
    private const int UserAgentMaxLength = 200;

    public Task RecordAsync(long customerId, ReadAction action, CancellationToken ct) => RecordAsync([customerId], action, ct);

    /// <summary>One entry per customer, all in the same batch (for exports).</summary>
    public async Task RecordAsync(IEnumerable<long> customerIds, ReadAction action, CancellationToken ct)
    {
        var user = users.User;
        var at = clock.GetUtcNow();
        var ids = customerIds.ToList();
        var rights = await ReadRights.DescribeAsync(db, user, ids, ct);
        var client = DescribeClient(http.HttpContext);
        await writer.RecordAsync(ids.Select(id => new ReadLogDraft(at, user.StaffId, id, action, rights[id], client)).ToList(), ct);
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
