using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Exports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Export;

/// <summary>The file of one of the caller's finished export jobs.</summary>
public sealed record DownloadExportQuery(long Id) : IQuery<Result<ExportFile>>;

public sealed record ExportFile(string Path, string FileName, string ContentType);

public sealed class DownloadExportHandler(CrmDbContext db, UserContext users) : IQueryHandler<DownloadExportQuery, Result<ExportFile>>
{
    public async ValueTask<Result<ExportFile>> Handle(DownloadExportQuery query, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersExport))
            return ExportErrors.Forbidden();
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == query.Id && j.StaffId == user.StaffId, ct);
        if (job is null)
            return ExportErrors.NotFound();
        if (job.Direct)
            return new Error(ErrorKind.NotFound, "exportHasNoFile", "直接下载的导出不保留文件，请重新导出。");
        if (job.Status != ExportJobStatus.Succeeded)
            return Error.Conflict("exportNotReady", job.Status == ExportJobStatus.Failed
                ? $"导出任务失败：{job.Error}"
                : $"导出任务尚未完成（{job.Done:N0} / {job.Total:N0}），请稍后再下载。");
        if (job.FilePath is null || !File.Exists(job.FilePath))
            return new Error(ErrorKind.NotFound, "exportFileExpired", "导出文件已过期删除，请重新导出。");
        return new ExportFile(job.FilePath, job.FileName, ExportFormats.ContentType(job.Format));
    }
}
