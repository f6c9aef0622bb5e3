using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Imports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Imports;

/// <summary>An uploaded batch.</summary>
/// <param name="Kind">customers or facts.</param>
/// <param name="Mode">bestEffort (default) or allOrNothing.</param>
/// <param name="Format">csv, xlsx or json; inferred from the file name, else the content type, when omitted.</param>
public sealed record StartImportCommand(string? Kind, string? Mode, string? Format, string FileName, string? ContentType, byte[] Payload)
    : ICommand<Result<StartedImport>>;

/// <param name="Finished">Ran inside the request (small files): the job is final.</param>
public sealed record StartedImport(ImportJobDto Job, bool Finished);

public sealed class StartImportValidator : AbstractValidator<StartImportCommand>
{
    public StartImportValidator()
    {
        RuleFor(c => c.Kind).NotEmpty().WithMessage("请指明导入类型 kind：customers（客户）或 facts（月度经营数据）。")
            .Must(k => Parse<ImportKind>(k) is not null).WithMessage("导入类型 kind 只能是 customers 或 facts。");
        RuleFor(c => c.Mode).Must(m => string.IsNullOrWhiteSpace(m) || Parse<ImportMode>(m) is not null)
            .WithMessage("导入方式 mode 只能是 bestEffort（有效行写入）或 allOrNothing（全部有效才写入）。");
        RuleFor(c => c.Format).Must(f => string.IsNullOrWhiteSpace(f) || Parse<ImportFormat>(f) is not null)
            .WithMessage("文件格式 format 只能是 csv、xlsx 或 json。");
    }

    internal static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;
}

public sealed class StartImportHandler(CrmDbContext db, UserContext users, TimeProvider clock, ImportExecutor executor, IOptions<ImportOptions> options)
    : ICommandHandler<StartImportCommand, Result<StartedImport>>
{
    public async ValueTask<Result<StartedImport>> Handle(StartImportCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersWrite))
            return ImportErrors.Forbidden();
        if (ImportFormats.Infer(command.Format, command.FileName, command.ContentType) is not { } format)
            return Error.Field("format", ImportFormats.Message, "importFormatUnknown");
        var kind = StartImportValidator.Parse<ImportKind>(command.Kind)!.Value;
        var mode = StartImportValidator.Parse<ImportMode>(command.Mode) ?? ImportMode.BestEffort;
        var limits = options.Value;

        // Read now so the file's own problems (format, columns, size) are answered at once; rows are checked when run.
        var read = ImportFileReader.Read(kind, format, command.Payload, limits.MaxRows);
        if (!read.IsSuccess)
            return read.Error!;
        var rows = read.Value!.Count;
        var now = clock.GetUtcNow();
        var fileName = string.IsNullOrWhiteSpace(command.FileName) ? $"import.{format.ToString().ToLowerInvariant()}" : Path.GetFileName(command.FileName);
        var job = new ImportJob(user.StaffId, kind, format, mode, fileName.Length > 200 ? fileName[^200..] : fileName, rows, now);
        var inline = rows <= limits.SynchronousRows;
        var owner = $"request/{Environment.MachineName}/{Guid.NewGuid():N}";
        if (inline)
            job.StartInline(owner[..Math.Min(owner.Length, 100)], now, now + limits.LeaseDuration);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(ct);
            db.ImportPayloads.Add(new ImportPayload(job.Id, command.Payload));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        if (inline)
        {
            // Not the request's token: a client that hangs up must not leave a best-effort import half done.
            await executor.RunAsync(job.Id, job.LeaseOwner!, CancellationToken.None);
        }
        var saved = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id, ct);
        return new StartedImport(ImportJobDto.From(saved, clock.GetUtcNow()), inline);
    }
}
