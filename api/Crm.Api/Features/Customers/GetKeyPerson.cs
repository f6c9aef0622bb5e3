using Crm.Api.Common.Errors;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record GetKeyPersonQuery(long CustomerId, long KeyPersonId) : IQuery<Result<KeyPersonDto>>;

public sealed class GetKeyPersonHandler(CrmDbContext db, UserContext users, ReadLogRecorder readLog) : IQueryHandler<GetKeyPersonQuery, Result<KeyPersonDto>>
{
    public async ValueTask<Result<KeyPersonDto>> Handle(GetKeyPersonQuery query, CancellationToken ct)
    {
        var person = await db.Customers.AsNoTracking().VisibleTo(users.User, db)
            .Where(c => c.Id == query.CustomerId)
            .SelectMany(c => c.KeyPersons)
            .SingleOrDefaultAsync(k => k.Id == query.KeyPersonId, ct);
        if (person is null)
            return Error.NotFound("关键人员");
        await readLog.RecordAsync(query.CustomerId, ReadAction.KeyPerson, ct);
        return person.ToDto().Protect(await SensitiveAccess.MayReadAsync(db, users.User, query.CustomerId, ct));
    }
}
