using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.Paging;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Imports;

public static class ImportEndpoints
{
    /// <summary>Room for the multipart envelope around a file of the largest allowed size.</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/imports").WithTags("Import");

        imports.MapPost("", async (HttpContext http, IMediator mediator, IOptions<ImportOptions> options, CancellationToken ct, string? kind,
                    string? mode, string? format) =>
                await ReadUploadAsync(http, options.Value.MaxFileBytes, kind, mode, format, ct) is { } upload
                    ? upload.Command is { } command
                        ? (await mediator.Send(command, ct)).Match(started => started.Finished
                            ? TypedResults.Created($"/api/v1/imports/{started.Job.Id}", started.Job)
                            : (IResult)TypedResults.Accepted($"/api/v1/imports/{started.Job.Id}", started.Job), http)
                        : upload.Problem!
                    : TooLarge(options.Value.MaxFileBytes))
            .WithName("StartImport")
            .WithSummary("Upload a CSV, XLSX or JSON batch of customers or monthly business facts (customers.write)")
            .WithDescription("multipart/form-data with `file` and the fields `kind` (customers | facts), `mode` (bestEffort, default | allOrNothing) " +
                             "and optionally `format` (csv | xlsx | json; otherwise from the file name or content type); or the file itself as the body " +
                             "(application/json array, text/csv, xlsx) with `kind`, `mode`, `format` in the query. Rows are checked with the same rules as " +
                             "the single-record endpoints; customers are matched by externalId, else creditCode; facts by customer (customerId, externalId " +
                             "or creditCode) and month. A customer the importer may not see or change is a row error \"客户不存在或无权维护\". " +
                             "Up to Import:SynchronousRows rows (default 1,000) run in the request and answer 201 with the finished import; larger files " +
                             "answer 202 and run in the background: poll the Location. Larger than Import:MaxFileBytes answers 413 importFileTooLarge; " +
                             "more than Import:MaxRows rows 400 importTooManyRows.")
            .Accepts<ImportUploadForm>("multipart/form-data", "application/json", "text/csv", ImportFormats.XlsxContentType)
            .Produces<ImportJobDto>(StatusCodes.Status201Created)
            .Produces<ImportJobDto>(StatusCodes.Status202Accepted)
            .ProducesProblems(400, 403, 413);

        imports.MapGet("", async (IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new ListImportsQuery(), ct)).Match(TypedResults.Ok, http))
            .WithName("ListImports")
            .WithSummary("The caller's imports, newest first (the latest 100)")
            .Produces<IReadOnlyList<ImportJobDto>>();

        imports.MapGet("/{id:long}", async (long id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                (await mediator.Send(new GetImportQuery(id), ct)).Match(TypedResults.Ok, http))
            .WithName("GetImport")
            .WithSummary("State and progress of one of the caller's imports (done / total, ETA); others' answer 404")
            .Produces<ImportJobDto>()
            .ProducesProblems(404);

        imports.MapGet("/{id:long}/errors", async (long id, IMediator mediator, HttpContext http, CancellationToken ct, string? format,
                    int page = 1, int pageSize = PageLimits.DefaultPageSize) =>
                string.IsNullOrWhiteSpace(format) || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
                    ? (await mediator.Send(new ListImportErrorsQuery(id, page, pageSize), ct)).Match(TypedResults.Ok, http)
                    : (await mediator.Send(new DownloadImportErrorsQuery(id, format.Trim().ToLowerInvariant()), ct)).Match(file =>
                        TypedResults.File(file.Content, file.ContentType, file.FileName), http))
            .WithName("GetImportErrors")
            .WithSummary("An import's row errors (row, field, message): a JSON page, or the whole report as CSV or XLSX (format=csv|xlsx)")
            .WithDescription("`row` is the line in the sheet for CSV and XLSX (the header is line 1) and the position from 1 in a JSON array. " +
                             "`field` is the column's field name (empty for the row as a whole). CSV is UTF-8 with BOM with the columns 行号, 字段, 列名, 错误信息.")
            .Produces<Paged<ImportRowErrorDto>>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: [ImportFormats.XlsxContentType])
            .ProducesProblems(400, 404);
    }

    private sealed record Upload(StartImportCommand? Command, IResult? Problem);

    /// <summary>The uploaded file and parameters; null when the body is larger than allowed.</summary>
    private static async Task<Upload?> ReadUploadAsync(HttpContext http, long maxBytes, string? kind, string? mode, string? format, CancellationToken ct)
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes + EnvelopeBytes)
            return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + EnvelopeBytes;

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                return null;
            }
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
                return new Upload(null, Error.Field("file", "请选择要上传的文件（表单字段 file）。", "importFileMissing").ToProblem(http));
            if (file.Length > maxBytes)
                return null;
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            return new Upload(new StartImportCommand(Field(form, "kind") ?? kind, Field(form, "mode") ?? mode, Field(form, "format") ?? format,
                file.FileName, file.ContentType, buffer.ToArray()), null);
        }

        using var body = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > maxBytes)
                return null;
            body.Write(chunk, 0, read);
        }
        if (body.Length == 0)
            return new Upload(null, Error.Field("file", "请求体为空：请上传文件。", "importFileMissing").ToProblem(http));
        return new Upload(new StartImportCommand(kind, mode, format, "", request.ContentType, body.ToArray()), null);
    }

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    private static IResult TooLarge(long maxBytes) => TypedResults.Problem(
        $"文件超过 {maxBytes / 1024.0 / 1024.0:0.#} MB 的上限，请拆分后分批导入。",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "文件过大 (Payload Too Large)",
        extensions: new Dictionary<string, object?> { ["code"] = "importFileTooLarge" });
}

/// <summary>The multipart form of an upload.</summary>
/// <param name="File">The CSV, XLSX or JSON file.</param>
/// <param name="Kind">customers or facts.</param>
/// <param name="Mode">bestEffort (default) or allOrNothing.</param>
/// <param name="Format">csv, xlsx or json; inferred when omitted.</param>
public sealed record ImportUploadForm(IFormFile File, string Kind, string? Mode, string? Format);
