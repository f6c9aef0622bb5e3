using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Features.Facts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Sync;

public sealed record SyncFactsQuery(string? Cursor, DateTimeOffset? UpdatedSince, int Limit) : ISyncRequest, IQuery<Result<SyncPage<SyncFact>>>;

public sealed class SyncFactsValidator : AbstractValidator<SyncFactsQuery>
{
    public SyncFactsValidator()
    {
        Include(new SyncRequestRules<SyncFactsQuery>());
    }
}

/// <summary>The monthly facts of customers the caller may see that changed after the cursor, in commit order. Facts are never deleted.</summary>
public sealed class SyncFactsHandler(CrmDbContext db, UserContext users) : IQueryHandler<SyncFactsQuery, Result<SyncPage<SyncFact>>>
{
    public async ValueTask<Result<SyncPage<SyncFact>>> Handle(SyncFactsQuery query, CancellationToken ct)
    {
        SyncCursor.TryDecode(query.Cursor, out var after);
        var visible = db.Customers.VisibleAsSet(users.User.CustomerScope, db).Select(c => c.Id);
        var facts = db.BusinessFacts.AsNoTracking().Where(f => f.ChangeSeq > after && visible.Contains(f.CustomerId));
        if (query.Cursor is null && query.UpdatedSince is { } since)
            facts = facts.Where(f => f.UpdatedAt >= since);
        var rows = await facts.OrderBy(f => f.ChangeSeq).Take(query.Limit + 1).ToListAsync(ct);
        var hasMore = rows.Count > query.Limit;
        var items = (hasMore ? rows[..query.Limit] : rows).Select(f => new SyncFact(f.CustomerId, f.ChangeSeq, FactDto.From(f))).ToList();
        return new SyncPage<SyncFact>(items, SyncCursor.Encode(items.Count > 0 ? items[^1].ChangeSeq : after), hasMore);
    }
}
