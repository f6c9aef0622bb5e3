using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Kpi;
using Mediator;

namespace Crm.Api.Features.Kpi;

public static class KpiEndpoints
{
    public static void MapKpiEndpoints(this IEndpointRouteBuilder app)
    {
        var kpi = app.MapGroup("/api/v1/kpi").WithTags("KPI");

        kpi.MapGet("/periods", async (int? year, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListKpiPeriodsQuery(year), ct)).Match(TypedResults.Ok, http))
            .WithName("ListKpiPeriods")
            .WithSummary("KPI months with their status (Open/Closed), runs and the totals within the caller's kpi.manage scope, newest first")
            .Produces<IReadOnlyList<KpiPeriodDto>>()
            .ProducesProblems(403);

        kpi.MapGet("/periods/{month}", async (string month, long? unitId, long? staffId, string? rule, KpiEntryKind? kind, IMediator mediator,
                    HttpContext http, CancellationToken ct, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new GetKpiLedgerQuery(month, unitId, staffId, rule, kind, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("GetKpiLedger")
            .WithSummary("A month's KPI ledger within the caller's kpi.manage scope: the period's totals and a page of entries per unit (staff null) and per person, with rule, points, amount and evidence")
            .Produces<KpiLedgerDto>()
            .ProducesProblems(400, 403, 404);

        kpi.MapPost("/periods/{month}/run", async (string month, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RunKpiPeriodCommand(month), ct)).Match(TypedResults.Ok, http))
            .WithName("RunKpiPeriod")
            .WithSummary("Run the month-end KPI rules for a month that is over (kpi.manage, company scope); re-running an open month replaces its computed entries")
            .WithDescription("Rules: lateFiling (an obligation reminded ≥ Kpi:LateFilingReminders times in the month), feedbackShortfall (forms missing " +
                             "from the unit's quota), contactShortfall (contacts missing from duties whose period ended in the month: weeks by their Sunday, months, December the year), " +
                             "complaintsDisqualify (≥ Kpi:ComplaintsPerYearDisqualify substantiated complaints this year, once per year), customerLost " +
                             "(lost within Kpi:LostCustomerComplaintMonths after a substantiated complaint). 409 `monthNotOver` before the month ends, " +
                             "`periodClosed` once closed.")
            .Produces<KpiPeriodDto>()
            .ProducesProblems(400, 403, 409);

        kpi.MapPost("/periods/{month}/close", async (string month, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CloseKpiPeriodCommand(month), ct)).Match(TypedResults.Ok, http))
            .WithName("CloseKpiPeriod")
            .WithSummary("Close a month that has been run (kpi.manage, company scope): no more runs or changes (409 `periodClosed`), only adjustments beside it")
            .Produces<KpiPeriodDto>()
            .ProducesProblems(400, 403, 409);

        kpi.MapPost("/periods/{month}/adjustments", async (string month, AdjustKpiRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new AdjustKpiCommand(month, body.UnitId, body.StaffId, body.Rule, body.Points, body.Amount, body.Reason, body.ApproverId), ct))
                .Match(e => TypedResults.Created($"/api/v1/kpi/periods/{month}", e), http))
            .WithName("AdjustKpiPeriod")
            .WithSummary("Add a correction with reason and approver to a month's ledger, open or closed (kpi.manage over the unit; 403 outside it)")
            .Produces<KpiEntryDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409);

        kpi.MapDelete("/periods/{month}/adjustments/{entryId:long}", async (string month, long entryId, IMediator mediator, HttpContext http,
                    CancellationToken ct) =>
                (await mediator.Send(new DeleteKpiAdjustmentCommand(month, entryId), ct)).Match(_ => TypedResults.NoContent(), http))
            .WithName("DeleteKpiAdjustment")
            .WithSummary("Withdraw an adjustment while its month is open (kpi.manage); 409 `periodClosed` once closed")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 403, 404, 409);

        kpi.MapGet("/scorecards/{year:int}", async (int year, long? unitId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetScorecardsQuery(year, unitId), ct)).Match(TypedResults.Ok, http))
            .WithName("GetScorecards")
            .WithSummary("The year's 100-point unit scorecards (服务客户考核评比评分表) with bands, rewards and deductions, for the units of the caller's kpi.manage scope")
            .WithDescription("Items are entered by hand or fed by the ledger (maximum + the year's unit-level points of their rules, within 0..maximum). " +
                             "≥ Kpi:RewardScore: Kpi:RewardAmount to the leadership (none when disqualified by ≥ Kpi:ComplaintsPerYearDisqualify " +
                             "substantiated complaints); below Kpi:PassScore: per point below — a started point counts whole (79.5 → 1) — " +
                             "Kpi:LeaderPenaltyPerPoint off the main leader's and Kpi:DeputyPenaltyPerPoint off each deputy's annual bonus.")
            .Produces<IReadOnlyList<UnitScorecardDto>>()
            .ProducesProblems(400, 403, 404);

        kpi.MapPut("/scorecards/{year:int}/units/{unitId:long}", async (int year, long unitId, EnterScorecardRequest body, IMediator mediator, HttpContext http,
                    CancellationToken ct) =>
                (await mediator.Send(new EnterScorecardCommand(year, unitId, body.Items), ct)).Match(TypedResults.Ok, http))
            .WithName("EnterScorecard")
            .WithSummary("Enter a unit's item scores for a year (kpi.manage over the unit; 404 outside it): item code → points (0..maximum); replaces the entered ones")
            .Produces<UnitScorecardDto>()
            .ProducesProblems(400, 403, 404, 409);

        kpi.MapGet("/periods/{month}/export", async (string month, string? format, long? unitId, long? staffId, string? rule, KpiEntryKind? kind,
                    IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ExportKpiLedgerQuery(month, unitId, staffId, rule, kind, format), ct))
                .Match(file => TypedResults.File(file.Content, file.ContentType, file.FileName), http))
            .WithName("ExportKpiLedger")
            .WithSummary("A month's KPI ledger as a download, `format=csv` (UTF-8 with BOM, default) or `xlsx`; same filters and permission as the JSON")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(400, 403, 404);

        kpi.MapGet("/indicators/export", async (string? format, string? from, string? to, long? unitId, IMediator mediator, HttpContext http,
                    CancellationToken ct) =>
                (await mediator.Send(new ExportKpiIndicatorsQuery(from, to, unitId, format), ct))
                .Match(file => TypedResults.File(file.Content, file.ContentType, file.FileName), http))
            .WithName("ExportKpiIndicators")
            .WithSummary("The account-manager indicators as a download, `format=csv` (default) or `xlsx`, over the caller's visible customers")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(400);

        kpi.MapGet("/indicators", async (string? from, string? to, long? unitId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetIndicatorsQuery(from, to, unitId), ct)).Match(TypedResults.Ok, http))
            .WithName("GetKpiIndicators")
            .WithSummary("Indicators per account manager over the caller's visible customers: new and lost customers, spend, purchase months, " +
                         "upgrades/downgrades, complaints; key-customer revenue growth, development and churn rates (ask a half year for the half-yearly figures)")
            .Produces<IndicatorReport>()
            .ProducesProblems(400);
    }
}
