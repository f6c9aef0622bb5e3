using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record ListKeyPersonsQuery(long CustomerId) : IQuery<Result<IReadOnlyList<KeyPersonDto>>>;

public sealed class ListKeyPersonsHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog) : IQueryHandler<ListKeyPersonsQuery, Result<IReadOnlyList<KeyPersonDto>>>
{
    public async ValueTask<Result<IReadOnlyList<KeyPersonDto>>> Handle(ListKeyPersonsQuery query, CancellationToken ct)
    {
        var visible = db.Customers.AsNoTracking().VisibleTo(users.User, db).Where(c => c.Id == query.CustomerId);
        if (!await visible.AnyAsync(ct))
            return Error.NotFound("客户");
        await readLog.RecordAsync(query.CustomerId, ReadAction.KeyPersons, ct);
        var persons = await visible.SelectMany(c => c.KeyPersons).OrderBy(k => k.Level).ThenBy(k => k.Id).ToListAsync(ct);
        var mayReadSensitive = await SensitiveAccess.MayReadAsync(db, users.User, query.CustomerId, ct);
        return persons.Select(k => k.ToDto().Protect(mayReadSensitive)).ToList();
    }
}
