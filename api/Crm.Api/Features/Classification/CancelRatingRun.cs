using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public sealed record CancelRatingRunCommand(long Id) : ICommand<Result<RatingRunDto>>;

/// <summary>Stops a queued, running or reviewing run; undecided lines stay undecided and change nothing. Frees the scheme for a new run.</summary>
public sealed class CancelRatingRunHandler(CrmDbContext db, UserContext users, TimeProvider clock) : ICommandHandler<CancelRatingRunCommand, Result<RatingRunDto>>
{
    public async ValueTask<Result<RatingRunDto>> Handle(CancelRatingRunCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.ClassificationRun))
            return Error.Forbidden("需要发起客户评级权限（classification.run）。");
        var run = await db.RatingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.Id, ct);
        if (run is null)
            return Error.NotFound("评级");
        if (!run.IsActive)
            return Error.Conflict("runClosed", $"评级已结束（{run.Status}），不能取消。");
        var now = clock.GetUtcNow();
        // The runner's progress update is conditional on Status = Running: once this commits it stops at its next batch.
        await db.RatingRuns.Where(r => r.Id == run.Id && r.ActiveSchemeCode != null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RatingRunStatus.Cancelled)
            .SetProperty(r => r.ActiveSchemeCode, (string?)null)
            .SetProperty(r => r.ClosedAt, now)
            .SetProperty(r => r.ClosedById, user.StaffId)
            .SetProperty(r => r.LeaseOwner, (string?)null)
            .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), ct);
        var saved = await db.RatingRuns.AsNoTracking().SingleAsync(r => r.Id == command.Id, ct);
        return await RatingRunViews.LoadDtoAsync(db, saved, now, ct);
    }
}
