using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Access;

public sealed record VerifyReadLogQuery : IQuery<Result<ReadLogVerification>>;

/// <summary>Walks the whole chain in id order, a page at a time, and checks it ends where the head says.</summary>
public sealed class VerifyReadLogHandler(CrmDbContext db, UserContext users, IOptions<ReadLogOptions> options)
    : IQueryHandler<VerifyReadLogQuery, Result<ReadLogVerification>>
{
    public async ValueTask<Result<ReadLogVerification>> Handle(VerifyReadLogQuery query, CancellationToken ct)
    {
        if (!users.User.Has(Permissions.AccessAuditLog))
            return Error.Forbidden("需要查阅日志审计权限（access.auditLog）。");

        // The head first: entries appended while we walk lie past it and are left for the next check.
        var head = await db.ReadLogHead.AsNoTracking().SingleAsync(h => h.Id == ReadLogHead.SingletonId, ct);
        var verifier = new ReadLogVerifier();
        var pageSize = options.Value.VerifyPageSize;
        var after = 0L;
        while (verifier.IsIntact)
        {
            var page = await db.ReadLog.AsNoTracking()
                .Where(e => e.Id > after && e.Id <= head.LastEntryId)
                .OrderBy(e => e.Id)
                .Take(pageSize)
                .ToListAsync(ct);
            foreach (var entry in page)
            {
                if (!verifier.Accept(entry))
                    break;
            }
            if (page.Count < pageSize)
                break;
            after = page[^1].Id;
        }
        verifier.AcceptEnd(head.LastEntryId, head.LastHash);
        return new ReadLogVerification(verifier.IsIntact, verifier.EntriesChecked, verifier.FirstBrokenEntryId);
    }
}
