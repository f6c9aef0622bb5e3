using System.Text.Json;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Exports;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Export;

/// <summary>A direct download of the customer list with the list's filters.</summary>
/// <param name="Format">csv (default) or xlsx.</param>
public sealed record ExportCustomersQuery(
    string? Format,
    string? Q,
    string? Grade,
    CustomerStatus? Status,
    CustomerCategory? Category,
    long? OwnerId,
    long? UnitId,
    bool IncludeSubUnits,
    string? Region,
    string? Tag,
    bool Archived,
    string? Sort) : IQuery<Result<DirectExport>>, ICustomerFilterFields;

/// <summary>A file ready to be streamed: the handler has checked the rights and the size and recorded the export.</summary>
public sealed record DirectExport(string FileName, string ContentType, Func<Stream, CancellationToken, Task> WriteAsync);

public sealed class ExportCustomersValidator : AbstractValidator<ExportCustomersQuery>
{
    public ExportCustomersValidator()
    {
        RuleFor(q => q.Format).Must(ExportFormats.IsValid).WithMessage(ExportFormats.Message);
        Include(new CustomerFilterRules<ExportCustomersQuery>());
    }
}

public sealed class ExportCustomersHandler(CrmDbContext db, UserContext users, TimeProvider clock, ExportFiles files, IOptions<ExportOptions> options,
    Common.ReadLog.ReadLogRecorder readLog)
    : IQueryHandler<ExportCustomersQuery, Result<DirectExport>>
{
    public async ValueTask<Result<DirectExport>> Handle(ExportCustomersQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersExport))
            return ExportErrors.Forbidden();
        var limits = options.Value;

        var customers = await CustomerExportQuery.BuildAsync(user, query, db, ct);
        var count = await CustomerExportQuery.CountAsync(customers, limits.MaxRows, ct);
        if (count > limits.MaxRows)
            return ExportErrors.TooLarge(limits.MaxRows);
        if (count > limits.SynchronousRows)
            return Error.Conflict("exportTooLargeForDirectDownload",
                $"符合条件的客户有 {count:N0} 条，超过直接下载的上限 {limits.SynchronousRows:N0} 条：请用 POST /api/v1/customers/exports 创建后台导出任务，完成后再下载文件。");

        var format = ExportFormats.Parse(query.Format);
        var filter = CustomerFilter.From(query);
        var now = clock.GetUtcNow();
        var job = new ExportJob(user.StaffId, format, direct: true, JsonSerializer.Serialize(filter, ExportFiles.FilterJson), files.FileName(format, now), now);
        job.Start(count);
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);

        return new DirectExport(job.FileName, ExportFormats.ContentType(format), async (output, aborted) =>
        {
            var rows = CustomerExportQuery.Rows(customers, filter.Sort, limits.MaxRows, db);
            ExportOutcome outcome;
            try
            {
                if (format == ExportFormat.Xlsx)
                {
                    // A workbook is a zip whose directory is written last: build it aside, then send it.
                    using var buffer = new MemoryStream();
                    outcome = await ExportWriter.WriteAsync(buffer, format, rows, files.Zone, null, aborted);
                    buffer.Position = 0;
                    await buffer.CopyToAsync(output, aborted);
                }
                else
                    outcome = await ExportWriter.WriteAsync(output, format, rows, files.Zone, null, aborted);
            }
            catch (Exception e)
            {
                job.Fail(e is OperationCanceledException ? "下载中断。" : "导出失败。", 0, clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
            await readLog.RecordAsync(outcome.CustomerIds, Domain.Access.ReadAction.Export, CancellationToken.None);
            job.Succeed(outcome.Rows, outcome.CustomerIds.Count, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        });
    }
}
