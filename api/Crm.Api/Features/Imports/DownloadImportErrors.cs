using Crm.Api.Common.Errors;
using Crm.Api.Common.Files;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Imports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Imports;

/// <summary>An import's whole error report as a file: csv (UTF-8 with BOM) or xlsx.</summary>
public sealed record DownloadImportErrorsQuery(long Id, string Format) : IQuery<Result<ImportErrorFile>>;

public sealed record ImportErrorFile(byte[] Content, string ContentType, string FileName);

public sealed class DownloadImportErrorsValidator : AbstractValidator<DownloadImportErrorsQuery>
{
    public DownloadImportErrorsValidator() =>
        RuleFor(q => q.Format).Must(f => f is "csv" or "xlsx").WithMessage("错误报告格式 format 只能是 json、csv 或 xlsx。");
}

public sealed class DownloadImportErrorsHandler(CrmDbContext db, UserContext users) : IQueryHandler<DownloadImportErrorsQuery, Result<ImportErrorFile>>
{
    private static readonly string[] Headers = ["行号", "字段", "列名", "错误信息"];

    public async ValueTask<Result<ImportErrorFile>> Handle(DownloadImportErrorsQuery query, CancellationToken ct)
    {
        var job = await ImportAccess.Readable(db, users.User).Where(j => j.Id == query.Id).Select(j => new { j.Kind }).SingleOrDefaultAsync(ct);
        if (job is null)
            return ImportErrors.NotFound();
        var rows = await db.ImportRowErrors.AsNoTracking().Where(e => e.ImportJobId == query.Id).OrderBy(e => e.Row).ThenBy(e => e.Id)
            .Select(e => new { e.Row, e.Field, e.Message }).ToListAsync(ct);
        var table = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Row, r.Field, ImportColumns.For(job.Kind).FirstOrDefault(c => c.Field == r.Field)?.Chinese ?? "", r.Message,
        ]).ToList();
        var file = await TableFiles.WriteAsync(query.Format == "xlsx" ? TableFormat.Xlsx : TableFormat.Csv, $"import-{query.Id}-errors", "错误", Headers,
            table, ct);
        return new ImportErrorFile(file.Content, file.ContentType, file.FileName);
    }
}
