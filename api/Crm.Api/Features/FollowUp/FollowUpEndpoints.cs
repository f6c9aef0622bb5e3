using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Mediator;

namespace Crm.Api.Features.FollowUp;

public static class FollowUpEndpoints
{
    public static void MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Follow-up duties");

        group.MapGet("/customers/{id:long}/contact-duties", async (long id, IMediator mediator, HttpContext http, CancellationToken ct, DateOnly? asOf) =>
                (await mediator.Send(new GetCustomerContactDutiesQuery(id, asOf), ct)).Match(TypedResults.Ok, http))
            .WithName("GetCustomerContactDuties")
            .WithSummary("联系频次: a customer's contact duties by role for its grade — required, done, missing in the current period")
            .WithDescription("Rules per grade × role (FollowUp:ContactRules; default DOMAIN.md §5: A — company leaders visit ≥ 1/year and call ≥ 1/month, " +
                             "the owning unit's manager visits ≥ 2/year and calls ≥ 1/week, the owner visits ≥ 1/week; B — the unit manager visits ≥ 1/year, " +
                             "the owner visits and calls ≥ 1/month; C — the owner calls ≥ 1/month). Done counts activities of the kind (a visit is Visit or " +
                             "Meeting, a call is Call) in the period (weeks run Monday–Sunday) in which someone holding the role took part. 404 when not visible.")
            .Produces<CustomerContactDutiesDto>()
            .ProducesProblems(400, 404);

        group.MapGet("/contact-duties", async (IMediator mediator, HttpContext http, CancellationToken ct, long? staffId, DateOnly? asOf,
                    bool onlyMissing = true, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListContactDutiesQuery(staffId, asOf, onlyMissing, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListContactDuties")
            .WithSummary("A person's contact duties (default: yours) over the customers you may see, most missing first")
            .WithDescription("As owner for their customers, as manager for the customers of their unit, as a company leader for all; done counts the " +
                             "person's own contacts. `onlyMissing=false` also lists duties already met this period.")
            .Produces<Paged<PersonContactDuty>>()
            .ProducesProblems(400, 404);

        group.MapGet("/follow-up-reminders", async (IMediator mediator, HttpContext http, CancellationToken ct, long? unitId, long? ownerId,
                    ReminderKind kind = ReminderKind.NoFollowUp, bool includeSubUnits = true, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListFollowUpRemindersQuery(kind, unitId, includeSubUnits, ownerId, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListFollowUpReminders")
            .WithSummary("自动提醒: customers not followed up (or never), or without purchases (or never), for longer than their grade allows")
            .WithDescription("Days per grade: FollowUp:NoFollowUpDays (A 30, B 60, C 90, D 180) and FollowUp:NoPurchaseDays (A 60, B 90, C 180; from the " +
                             "monthly facts, a month with orders counting until its last day). Live customers you may see; longest overdue first.")
            .Produces<Paged<FollowUpReminder>>()
            .ProducesProblems(400);

        group.MapGet("/care-tasks", async (IMediator mediator, HttpContext http, CancellationToken ct, int? days, long? ownerId) =>
                (await mediator.Send(new ListCareTasksQuery(days, ownerId), ct)).Match(TypedResults.Ok, http))
            .WithName("ListCareTasks")
            .WithSummary("关怀: festivals ahead (元旦, 春节, 劳动节, 端午节, 中秋节, 国庆节) and birthdays / anniversaries of A and B customers' key persons")
            .WithDescription("Festival dates are the first holiday day of each block in the working-day calendar (so a year without a notice has none); " +
                             "anniversaries are read from a key person's free text written as \"结婚纪念日 05-20\". Lookahead: `days` or " +
                             "FollowUp:CareLookaheadDays (30); grades: FollowUp:CareGrades (A,B). Customers you may see (`ownerId` narrows to one owner).")
            .Produces<CareTasksDto>()
            .ProducesProblems(400);
    }
}
