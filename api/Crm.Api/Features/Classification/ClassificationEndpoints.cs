using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Classification;
using Mediator;

namespace Crm.Api.Features.Classification;

public static class ClassificationEndpoints
{
    public static void MapClassificationEndpoints(this IEndpointRouteBuilder app)
    {
        var grading = app.MapGroup("/api/v1/grading").WithTags("Classification");

        grading.MapGet("/fields", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListGradingFieldsQuery(), ct)))
            .WithName("ListGradingFields")
            .WithSummary("The fields a scheme may test or score, with their types, values and allowed operators")
            .Produces<IReadOnlyList<GradingFieldDto>>();

        grading.MapGet("/schemes", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListGradingSchemesQuery(), ct)))
            .WithName("ListGradingSchemes")
            .WithSummary("Every grading scheme with the version in force today and the newest version")
            .Produces<IReadOnlyList<SchemeListItem>>();

        grading.MapPost("/schemes", async (CreateGradingSchemeCommand body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body, ct)).Match(s => TypedResults.Created($"/api/v1/grading/schemes/{s.Code}?version={s.Version}", s).WithETag(http, s.Version), http))
            .WithName("CreateGradingScheme")
            .WithSummary("Create a grading scheme (classification.schemes)")
            .WithDescription("A scheme is an ordered rule list (first match wins; conditions combined with All/Any) and/or a weighted score " +
                             "(criteria with weights summing to 100 and a linear or lookup normalisation; bands covering 0–100 without gaps or overlaps → grade). " +
                             "A scheme that cannot work answers 400 with an error per JSON path (e.g. `rules[2].conditions[0].field`, `score.bands`, " +
                             "`grades[3]` for an unreachable grade). See GET /api/v1/grading/fields for the fields. A taken code answers 409.")
            .Produces<SchemeVersionDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 409);

        grading.MapGet("/schemes/{code}", async (string code, IMediator mediator, HttpContext http, CancellationToken ct, int? version, DateOnly? asOf) =>
                (await mediator.Send(new GetGradingSchemeQuery(code, version, asOf), ct)).Match(r => TypedResults.Ok(r.Scheme).WithETag(http, r.LatestVersion), http))
            .WithName("GetGradingScheme")
            .WithSummary("A scheme: the version in force on `asOf` (default today), or exactly `version`")
            .WithDescription("The ETag is the newest version number: send it in If-Match to revise the scheme.")
            .Produces<SchemeVersionDto>()
            .ProducesProblems(400, 404);

        grading.MapPut("/schemes/{code}", async (string code, ReviseGradingSchemeRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ReviseGradingSchemeCommand(body) with { SchemeCode = code, ExpectedVersion = Preconditions.ExpectedVersion(http.Request) }, ct))
                .Match(s => TypedResults.Ok(s).WithETag(http, s.Version), http))
            .WithName("ReviseGradingScheme")
            .WithSummary("Revise a scheme: adds the next version with its effective date (classification.schemes, If-Match required)")
            .WithDescription("Earlier versions are kept unchanged so that past ratings stay explainable. `effectiveFrom` (default today) may not be " +
                             "earlier than the newest version's. If-Match carries the newest version number: stale 412, missing 428.")
            .Produces<SchemeVersionDto>()
            .ProducesProblems(400, 403, 404, 412, 428);

        grading.MapGet("/schemes/{code}/versions", async (string code, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListSchemeVersionsQuery(code), ct)).Match(TypedResults.Ok, http))
            .WithName("ListGradingSchemeVersions")
            .WithSummary("A scheme's versions, newest first, marking the one in force today")
            .Produces<IReadOnlyList<SchemeVersionSummary>>()
            .ProducesProblems(404);

        var customers = app.MapGroup("/api/v1/customers").WithTags("Classification");

        customers.MapGet("/{id:long}/grade-evaluation", async (long id, IMediator mediator, HttpContext http, CancellationToken ct, string? scheme, DateOnly? asOf) =>
                (await mediator.Send(new EvaluateCustomerGradeQuery(id, scheme, asOf), ct)).Match(TypedResults.Ok, http))
            .WithName("EvaluateCustomerGrade")
            .WithSummary("What a scheme would grade this customer, and why (changes nothing)")
            .WithDescription("The explanation names the matched rule with each condition's expected and actual values, or the score per criterion " +
                             "(value, normalised 0–100, weight, contribution), or says the default applied. `input` lists every field's value as the " +
                             "scheme saw it. Facts come from the twelve whole months before the month of `asOf`. Recorded in the read log; 404 when the " +
                             "customer is not visible.")
            .Produces<GradeEvaluationDto>()
            .ProducesProblems(400, 404);

        customers.MapPost("/{id:long}/grade-override", async (long id, OverrideCustomerGradeRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new OverrideCustomerGradeCommand(id, body.Grade, body.Reason, Preconditions.ExpectedVersion(http.Request)), ct))
                .Match(c => TypedResults.Ok(c).WithETag(http, c.CustomerVersion ?? 0), http))
            .WithName("OverrideCustomerGrade")
            .WithSummary("Set a customer's grade by hand, with a mandatory reason (classification.override)")
            .WithDescription("The grade must be one of the default scheme's grades. The customer is marked overridden: the next rating run lists it " +
                             "apart (kind Overridden) instead of replacing it. Recorded in the archive history and the grade history. If-Match (the " +
                             "customer's ETag) is optional; when sent, a stale one answers 412. 404 when not visible, 403 without the permission's " +
                             "scope over the customer, 409 when archived.")
            .Produces<GradeChangeDto>()
            .ProducesProblems(400, 403, 404, 409, 412);

        customers.MapGet("/{id:long}/grade-history", async (long id, IMediator mediator, HttpContext http, CancellationToken ct,
                    int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new GetGradeHistoryQuery(id, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("GetCustomerGradeHistory")
            .WithSummary("A customer's grade changes: approved ratings and overrides with their reasons, newest first")
            .Produces<Paged<GradeChangeDto>>()
            .ProducesProblems(400, 404);

        var runs = grading.MapGroup("/runs");

        runs.MapPost("", async (StartRatingRunCommand body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body, ct)).Match(run => TypedResults.Accepted($"/api/v1/grading/runs/{run.Id}", run), http))
            .WithName("StartRatingRun")
            .WithSummary("Start a rating run (评级) over the customers in a filter (classification.run)")
            .WithDescription("Answers 202 with the run; a background job evaluates every live customer in the filter within the starter's " +
                             "classification.run scope, under the scheme version in force on `asOf` (default today). Poll GET …/runs/{id} for " +
                             "done / total / ETA. When evaluation ends the run is Reviewing (or Completed when nothing would change). One active " +
                             "run per scheme: another answers 409 runActive. Survives restarts; safe with several API instances (leased work).")
            .Produces<RatingRunDto>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 403, 409);

        runs.MapGet("", async (IMediator mediator, HttpContext http, CancellationToken ct, string? scheme, RatingRunStatus? status,
                    int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListRatingRunsQuery(scheme, status, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListRatingRuns")
            .WithSummary("Rating runs, newest first (classification.run or classification.approve)")
            .Produces<Paged<RatingRunDto>>()
            .ProducesProblems(400, 403);

        runs.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetRatingRunQuery(id), ct)).Match(TypedResults.Ok, http))
            .WithName("GetRatingRun")
            .WithSummary("A rating run: status, progress (done / total, percent, ETA in seconds) and counts")
            .Produces<RatingRunDto>()
            .ProducesProblems(403, 404);

        runs.MapGet("/{id:long}/proposals", async (long id, IMediator mediator, HttpContext http, CancellationToken ct, ProposalKind? kind,
                    ProposalDecision? decision, GradeDirection? direction, string? toGrade, long? unitId,
                    int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListRatingProposalsQuery(id, kind, decision, direction, toGrade, unitId, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListRatingProposals")
            .WithSummary("A run's change list: from → to with the explanation; overridden customers apart (kind=Overridden)")
            .WithDescription("Only lines about customers the caller may see. Unchanged customers are counted on the run, not listed.")
            .Produces<Paged<RatingProposalDto>>()
            .ProducesProblems(400, 403, 404);

        runs.MapPost("/{id:long}/decisions", async (long id, DecideRatingProposalsRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DecideRatingProposalsCommand(id, body.Decision, body.All, body.CustomerIds, body.IncludeOverridden, body.Note), ct))
                .Match(TypedResults.Ok, http))
            .WithName("DecideRatingProposals")
            .WithSummary("Approve or reject all or some lines of a run under review (classification.approve)")
            .WithDescription("`all` takes every pending change the caller may see (overridden customers only with `includeOverridden`); " +
                             "`customerIds` (≤ 1000) takes those customers' lines, overridden ones included. Approval sets the grade, clears an " +
                             "override and records history and an up/downgrade. A line whose customer's grade changed after the evaluation is not " +
                             "applied (counted as stale). A rejection of chosen lines needs a `note`. The run completes when nothing is left.")
            .Produces<RatingDecisionReport>()
            .ProducesProblems(400, 403, 404, 409);

        runs.MapPost("/{id:long}/cancel", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new CancelRatingRunCommand(id), ct)).Match(TypedResults.Ok, http))
            .WithName("CancelRatingRun")
            .WithSummary("Cancel a queued, running or reviewing run; undecided lines change nothing (classification.run)")
            .Produces<RatingRunDto>()
            .ProducesProblems(403, 404, 409);

        var statistics = grading.MapGroup("/statistics");

        statistics.MapGet("/distribution", async (IMediator mediator, HttpContext http, CancellationToken ct, long? unitId,
                    DistributionDimension by = DistributionDimension.Unit, bool includeSubUnits = true) =>
                (await mediator.Send(new GetGradeDistributionQuery(by, unitId, includeSubUnits), ct)).Match(TypedResults.Ok, http))
            .WithName("GetGradeDistribution")
            .WithSummary("Grade distribution of the customers the caller may see, by unit, region, category or owner")
            .Produces<GradeDistributionDto>()
            .ProducesProblems(400);

        statistics.MapGet("/movements", async (IMediator mediator, HttpContext http, CancellationToken ct, DateOnly? from, DateOnly? to,
                    GradeChangeSource? source, long? unitId, MovementDimension by = MovementDimension.Owner, bool includeSubUnits = true) =>
                (await mediator.Send(new GetGradeMovementsQuery(from, to, by, source, unitId, includeSubUnits), ct)).Match(TypedResults.Ok, http))
            .WithName("GetGradeMovements")
            .WithSummary("Upgrades and downgrades in a period per owner (at the time), unit or month — KPI inputs")
            .Produces<GradeMovementsDto>()
            .ProducesProblems(400);

        statistics.MapGet("/both-ends", async (IMediator mediator, HttpContext http, CancellationToken ct, long? unitId, int? top, bool includeSubUnits = true) =>
                (await mediator.Send(new GetBothEndsQuery(unitId, includeSubUnits, top), ct)).Match(TypedResults.Ok, http))
            .WithName("GetBothEnds")
            .WithSummary("抓两头: per unit, the top customers by order amount and the risk customers (overdue, bad credit, risk flags)")
            .Produces<BothEndsDto>()
            .ProducesProblems(400);
    }
}
