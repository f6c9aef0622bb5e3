using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Complaints;
using Mediator;

namespace Crm.Api.Features.Complaints;

public static class ComplaintEndpoints
{
    public static void MapComplaintEndpoints(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/api/v1/customers/{customerId:long}/complaints").WithTags("Complaints");

        customer.MapGet("", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListCustomerComplaintsQuery(customerId), ct)).Match(TypedResults.Ok, http))
            .WithName("ListCustomerComplaints")
            .WithSummary("A customer's complaints (客户投诉) with their history, newest first")
            .WithDescription("A customer the caller may not see answers 404.")
            .Produces<IReadOnlyList<ComplaintDto>>()
            .ProducesProblems(404);

        customer.MapPost("", async (long customerId, RegisterComplaintRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RegisterComplaintCommand(customerId, body.Subject, body.Description, body.ReceivedOn), ct))
                .Match(c => TypedResults.Created($"/api/v1/customers/{customerId}/complaints/{c.Id}", c), http))
            .WithName("RegisterComplaint")
            .WithSummary("Receive a complaint (受理): customers.write or complaints.manage reaching the customer")
            .Produces<ComplaintDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404);

        customer.MapGet("/{complaintId:long}", async (long customerId, long complaintId, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetComplaintQuery(customerId, complaintId), ct)).Match(TypedResults.Ok, http))
            .WithName("GetComplaint")
            .WithSummary("One complaint with its transitions")
            .Produces<ComplaintDto>()
            .ProducesProblems(404);

        customer.MapPost("/{complaintId:long}/transitions", async (long customerId, long complaintId, MoveComplaintRequest body, IMediator mediator,
                    HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new MoveComplaintCommand(customerId, complaintId, body.To, body.Note, body.Substantiated, body.ResponsibleUnitId,
                    body.ResponsibleStaffId, body.Finding, body.CorrectiveAction, body.Review), ct)).Match(TypedResults.Ok, http))
            .WithName("MoveComplaint")
            .WithSummary("Move a complaint one step (complaints.manage reaching the customer)")
            .WithDescription("Received → Investigating → (Rework →) Replied → Archived (customer satisfied) or back to Investigating (not satisfied). " +
                             "Leaving Investigating needs `substantiated` and `finding`, a substantiated one `responsibleUnitId`; archiving a " +
                             "substantiated complaint needs a `correctiveAction` (now or earlier) and a `review`. Any other step answers 409 " +
                             "`illegalTransition` naming both statuses.")
            .Produces<ComplaintDto>()
            .ProducesProblems(400, 403, 404, 409);

        var praises = app.MapGroup("/api/v1/customers/{customerId:long}/praises").WithTags("Complaints");

        praises.MapGet("", async (long customerId, IMediator mediator, HttpContext http, CancellationToken ct, int page = 1,
                    int pageSize = PageLimits.DefaultPageSize) =>
                (await mediator.Send(new ListCustomerPraisesQuery(customerId, page, pageSize), ct)).Match(TypedResults.Ok, http))
            .WithName("ListCustomerPraises")
            .WithSummary("A customer's praises (客户表扬), newest first")
            .WithDescription("A customer the caller may not see answers 404.")
            .Produces<Paged<PraiseDto>>()
            .ProducesProblems(400, 404);

        praises.MapPost("", async (long customerId, RecordPraiseRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new RecordPraiseCommand(customerId, body.Content, body.ReceivedOn, body.PraisedStaffId), ct))
                .Match(p => TypedResults.Created($"/api/v1/customers/{customerId}/praises", p), http))
            .WithName("RecordPraise")
            .WithSummary("Record a customer's praise: customers.write or complaints.manage reaching the customer")
            .WithDescription("Counted as `praises` in the account manager's indicators (GET /api/v1/kpi/indicators) for the month it was received.")
            .Produces<PraiseDto>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404);

        app.MapGet("/api/v1/complaints", async (IMediator mediator, CancellationToken ct, ComplaintStatus? status, int? year, long? customerId,
                    long? responsibleUnitId, long? responsibleStaffId, bool? substantiated, int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                TypedResults.Ok(await mediator.Send(new ListComplaintsQuery(status, year, customerId, responsibleUnitId, responsibleStaffId, substantiated,
                    page, pageSize), ct)))
            .WithTags("Complaints")
            .WithName("ListComplaints")
            .WithSummary("Complaints about every customer the caller may see, newest first")
            .Produces<Paged<ComplaintDto>>()
            .ProducesProblems(400);
    }
}
