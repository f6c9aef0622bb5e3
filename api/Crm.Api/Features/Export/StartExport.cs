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

/// <summary>A background export: the format and the list's filters (same names and defaults as the list's query).</summary>
/// <param name="Format">csv (default) or xlsx.</param>
/// <param name="IncludeSubUnits">With <paramref name="UnitId"/>: include its sub-units (default true).</param>
/// <param name="Archived">true exports archived customers only; false (default) current ones.</param>
public sealed record StartExportRequest(
    string? Format,
    string? Q,
    string? Grade,
    CustomerStatus? Status,
    CustomerCategory? Category,
    long? OwnerId,
    long? UnitId,
    bool? IncludeSubUnits,
    string? Region,
    string? Tag,
    bool? Archived,
    string? Sort)
{
    public StartExportCommand ToCommand() =>
        new(Format, Q, Grade, Status, Category, OwnerId, UnitId, IncludeSubUnits ?? true, Region, Tag, Archived ?? false, Sort);
}

public sealed record StartExportCommand(
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
    string? Sort) : ICommand<Result<ExportJobDto>>, ICustomerFilterFields;

public sealed class StartExportValidator : AbstractValidator<StartExportCommand>
{
    public StartExportValidator()
    {
        RuleFor(c => c.Format).Must(ExportFormats.IsValid).WithMessage(ExportFormats.Message);
        Include(new CustomerFilterRules<StartExportCommand>());
    }
}

public sealed class StartExportHandler(CrmDbContext db, UserContext users, TimeProvider clock, ExportFiles files, IOptions<ExportOptions> options)
    : ICommandHandler<StartExportCommand, Result<ExportJobDto>>
{
    public async ValueTask<Result<ExportJobDto>> Handle(StartExportCommand command, CancellationToken ct)
    {
        var user = users.User;
        if (!user.Has(Permissions.CustomersExport))
            return ExportErrors.Forbidden();

        // Checked now so the user hears at once; the runner checks again with the data of its time.
        var customers = await CustomerExportQuery.BuildAsync(user, command, db, ct);
        if (await CustomerExportQuery.CountAsync(customers, options.Value.MaxRows, ct) > options.Value.MaxRows)
            return ExportErrors.TooLarge(options.Value.MaxRows);

        var format = ExportFormats.Parse(command.Format);
        var now = clock.GetUtcNow();
        var job = new ExportJob(user.StaffId, format, direct: false,
            JsonSerializer.Serialize(CustomerFilter.From(command), ExportFiles.FilterJson), files.FileName(format, now), now);
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return ExportJobDto.From(job);
    }
}
