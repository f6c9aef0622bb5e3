using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record GetKeyPersonQuery(long CustomerId, long KeyPersonId) : IQuery<Result<KeyPersonDto>>;

public sealed class GetKeyPersonHandler(CrmDbContext db, UserContext users) : IQueryHandler<GetKeyPersonQuery, Result<KeyPersonDto>>
{
    public async ValueTask<Result<KeyPersonDto>> Handle(GetKeyPersonQuery query, CancellationToken ct)
    {
        var person = await db.Customers.AsNoTracking().VisibleTo(users.User, db)
            .Where(c => c.Id == query.CustomerId)
            .SelectMany(c => c.KeyPersons)
            .SingleOrDefaultAsync(k => k.Id == query.KeyPersonId, ct);
        return person is null ? Error.NotFound("关键人员") : person.ToDto();
    }
}
