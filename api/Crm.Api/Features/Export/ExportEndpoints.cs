using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Domain.Customers;
using Mediator;

namespace Crm.Api.Features.Export;

public static class ExportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/v1/customers").WithTags("Export");

        customers.MapGet("/export", async (IMediator mediator, HttpContext http, CancellationToken ct, string? format, string? q, string? grade,
                    CustomerStatus? status, CustomerCategory? category, long? ownerId, long? unitId, string? region, string? tag, string? sort,
                    bool includeSubUnits = true, bool archived = false) =>
                (await mediator.Send(new ExportCustomersQuery(format, q, grade, status, category, ownerId, unitId, includeSubUnits, region, tag, archived, sort), ct))
                .Match(file =>
                {
                    http.Response.Headers.ContentDisposition = ExportFiles.ContentDisposition(file.FileName);
                    return Results.Stream(output => file.WriteAsync(output, http.RequestAborted), file.ContentType);
                }, http))
            .WithName("ExportCustomers")
            .WithSummary("Download the customers the caller may see, with the list's filters, as CSV or XLSX (customers.export)")
            .WithDescription("Same filters as GET /api/v1/customers. CSV is UTF-8 with BOM, Chinese headers and labels. " +
                             "More rows than Export:SynchronousRows (default 5,000) answer 409 exportTooLargeForDirectDownload: use POST /api/v1/customers/exports; " +
                             "more than Export:MaxRows (default 100,000) answer 400 exportTooLarge. Every export is recorded.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: [Xlsx])
            .ProducesProblems(400, 403, 409);

        customers.MapPost("/exports", async (StartExportRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(body.ToCommand(), ct)).Match(job => TypedResults.Accepted($"/api/v1/customers/exports/{job.Id}", job), http))
            .WithName("StartExport")
            .WithSummary("Start a background export of the customer list with the list's filters (customers.export)")
            .WithDescription("Answers 202 with the job; poll its Location until status is Succeeded, then GET …/file. " +
                             "The job runs with the requester's visibility and permissions at run time.")
            .Produces<ExportJobDto>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 403);

        customers.MapGet("/exports", async (IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListExportsQuery(), ct)).Match(TypedResults.Ok, http))
            .WithName("ListExports")
            .WithSummary("The caller's exports (jobs and direct downloads) of the retention period, newest first")
            .Produces<IReadOnlyList<ExportJobDto>>()
            .ProducesProblems(403);

        customers.MapGet("/exports/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetExportQuery(id), ct)).Match(TypedResults.Ok, http))
            .WithName("GetExport")
            .WithSummary("Progress of one of the caller's exports (others' answer 404)")
            .Produces<ExportJobDto>()
            .ProducesProblems(403, 404);

        customers.MapGet("/exports/{id:long}/file", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new DownloadExportQuery(id), ct)).Match(file =>
                {
                    http.Response.Headers.ContentDisposition = ExportFiles.ContentDisposition(file.FileName);
                    return Results.File(file.Path, file.ContentType);
                }, http))
            .WithName("DownloadExport")
            .WithSummary("The file of a finished export job (409 exportNotReady until it has succeeded)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: [Xlsx])
            .ProducesProblems(403, 404, 409);
    }
}
