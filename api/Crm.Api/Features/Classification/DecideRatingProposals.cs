using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Classification;

public enum RatingDecision
{
    Approve,
    Reject,
}

/// <param name="All">Every pending change the reviewer may see; overridden customers only with <paramref name="IncludeOverridden"/>.</param>
/// <param name="CustomerIds">Or these customers' pending lines (changes or overridden, explicitly chosen).</param>
public sealed record DecideRatingProposalsRequest(RatingDecision? Decision, bool All, IReadOnlyList<long>? CustomerIds, bool IncludeOverridden, string? Note);

public sealed record DecideRatingProposalsCommand(long RunId, RatingDecision? Decision, bool All, IReadOnlyList<long>? CustomerIds, bool IncludeOverridden, string? Note)
    : ICommand<Result<RatingDecisionReport>>;

/// <param name="Stale">Lines whose customer's grade changed after the run evaluated it: closed as rejected, nothing applied.</param>
/// <param name="NotFound">Requested customers with no pending line the reviewer may see.</param>
public sealed record RatingDecisionReport(int Approved, int Rejected, int Stale, IReadOnlyList<long> NotFound, RatingRunDto Run);

public sealed class DecideRatingProposalsValidator : AbstractValidator<DecideRatingProposalsCommand>
{
    public const int MaxCustomerIds = 1_000;

    public DecideRatingProposalsValidator()
    {
        RuleFor(c => c.Decision).NotNull().IsInEnum();
        RuleFor(c => c.CustomerIds).NotEmpty().When(c => !c.All).WithMessage("请指定客户（customerIds），或选择全部（all）。");
        RuleFor(c => c.CustomerIds).Empty().When(c => c.All).WithMessage("选择全部（all）时不能同时指定客户。");
        RuleFor(c => c.CustomerIds!.Count).LessThanOrEqualTo(MaxCustomerIds).When(c => c.CustomerIds is not null)
            .OverridePropertyName("customerIds").WithMessage($"一次最多指定 {MaxCustomerIds} 个客户；更多请用 all。");
        RuleFor(c => c.Note).MaximumLength(500);
        RuleFor(c => c.Note).NotEmpty().When(c => c.Decision == RatingDecision.Reject && !c.All)
            .WithMessage("驳回须填写说明。");
    }
}

/// <summary>
/// 审核: the customer-management department approves or rejects lines of a run under review. Approval sets the grade
/// (clearing an override), records history and an up/downgrade; a line whose customer changed since the evaluation is
/// not applied. Work goes in chunks, each its own transaction, so approving a whole company's run does not hold
/// SQLite's write lock for long. The run completes when nothing is left to decide.
/// </summary>
public sealed class DecideRatingProposalsHandler(CrmDbContext db, UserContext users, TimeProvider clock)
    : ICommandHandler<DecideRatingProposalsCommand, Result<RatingDecisionReport>>
{
    private const int Chunk = 500;

    public async ValueTask<Result<RatingDecisionReport>> Handle(DecideRatingProposalsCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.ClassificationApprove))
            return Error.Forbidden("需要审核评级结果权限（classification.approve）。");
        var run = await db.RatingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RunId, ct);
        if (run is null)
            return Error.NotFound("评级");
        if (run.Status != RatingRunStatus.Reviewing)
            return Error.Conflict("runNotReviewing", $"评级当前状态为 {run.Status}，只有待审核（Reviewing）的评级可以审批。");
        var grades = (await db.GradingSchemeVersions.AsNoTracking().SingleAsync(v => v.Code == run.SchemeCode && v.Version == run.SchemeVersion, ct))
            .Scheme().Grades;

        var visibleIds = db.Customers.VisibleAsSet(user.CustomerScope, db).Select(c => c.Id);
        var pending = db.RatingProposals.Where(p => p.RunId == run.Id && p.Decision == ProposalDecision.Pending && visibleIds.Contains(p.CustomerId));
        List<long> proposalIds;
        var notFound = new List<long>();
        if (command.All)
        {
            if (!command.IncludeOverridden)
                pending = pending.Where(p => p.Kind == ProposalKind.Change);
            proposalIds = await pending.OrderBy(p => p.CustomerId).Select(p => p.Id).ToListAsync(ct);
        }
        else
        {
            var wanted = command.CustomerIds!.Distinct().ToList();
            var found = await pending.Where(p => wanted.Contains(p.CustomerId)).Select(p => new { p.Id, p.CustomerId }).ToListAsync(ct);
            proposalIds = found.OrderBy(p => p.CustomerId).Select(p => p.Id).ToList();
            notFound = wanted.Except(found.Select(p => p.CustomerId)).ToList();
        }

        int approved = 0, rejected = 0, stale = 0;
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        foreach (var chunk in proposalIds.Chunk(Chunk))
        {
            var now = clock.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var proposals = await db.RatingProposals.Where(p => chunk.Contains(p.Id) && p.Decision == ProposalDecision.Pending).ToListAsync(ct);
            var customerIds = proposals.Select(p => p.CustomerId).ToList();
            var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            int chunkApproved = 0, chunkRejected = 0;
            foreach (var proposal in proposals)
            {
                var customer = customers[proposal.CustomerId];
                if (command.Decision == RatingDecision.Reject)
                {
                    proposal.Decide(ProposalDecision.Rejected, note, now, user.StaffId);
                    chunkRejected++;
                    continue;
                }
                var unchangedSince = customer.Grade == proposal.FromGrade && !customer.IsArchived
                                     && customer.GradeOverridden == (proposal.Kind == ProposalKind.Overridden);
                if (!unchangedSince)
                {
                    proposal.Decide(ProposalDecision.Rejected, "评级后客户等级已变更或客户已归档，未应用。", now, user.StaffId);
                    chunkRejected++;
                    stale++;
                    continue;
                }
                var before = customer.Grade;
                var changes = customer.ChangeGrade(proposal.ToGrade, overridden: false, now, user.StaffId).ToList();
                if (changes.Count > 0)
                {
                    changes.Add(new FieldChange("ratingRun", null, run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    customer.RecordHistory(HistoryAction.Graded, changes, now, user.StaffId);
                    db.GradeChanges.Add(new GradeChange(customer.Id, before, proposal.ToGrade, GradeChange.DirectionOf(before, proposal.ToGrade, grades),
                        GradeChangeSource.Rating, run.Id, note, customer.OwnerId, customer.OwningUnitId, now, user.StaffId));
                }
                proposal.Decide(ProposalDecision.Approved, note, now, user.StaffId);
                chunkApproved++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict("concurrentDecision", "部分客户或评级行刚被他人修改，本批未应用，请刷新后重试。");
            }
            var counted = await db.RatingRuns.Where(r => r.Id == run.Id && r.Status == RatingRunStatus.Reviewing).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Approved, r => r.Approved + chunkApproved)
                .SetProperty(r => r.Rejected, r => r.Rejected + chunkRejected), ct);
            if (counted == 0)
                return Error.Conflict("runNotReviewing", "评级已被取消或已结束。");
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            approved += chunkApproved;
            rejected += chunkRejected;
        }

        var after = await db.RatingRuns.SingleAsync(r => r.Id == run.Id, ct);
        after.CompleteIfDecided(clock.GetUtcNow(), user.StaffId);
        await db.SaveChangesAsync(ct);
        return new RatingDecisionReport(approved, rejected, stale, notFound, await RatingRunViews.LoadDtoAsync(db, after, clock.GetUtcNow(), ct));
    }
}
