using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Facts;

public sealed record BulkFactRow : FactBody
{
    public long? CustomerId { get; init; }
    public string? Month { get; init; }
}

public sealed class BulkFactRowValidator : AbstractValidator<BulkFactRow>
{
    public BulkFactRowValidator()
    {
        RuleFor(r => r.CustomerId).NotNull().WithMessage("请填写客户 ID。");
        RuleFor(r => r.Month).Must(m => BusinessFact.TryParseMonth(m, out _)).WithMessage(FactFieldsValidator.MonthMessage);
        Include(new FactFieldsValidator());
    }
}

public sealed record BulkUpsertFactsCommand(IReadOnlyList<BulkFactRow>? Rows, bool AllOrNothing) : ICommand<Result<BulkFactsReport>>;

public sealed record BulkFieldError(string Field, string Message);

/// <param name="Row">The row's index in <c>rows</c> (from 0).</param>
/// <param name="Status">created, updated or error.</param>
public sealed record BulkFactResult(int Row, long? CustomerId, string? Month, string Status, IReadOnlyList<BulkFieldError> Errors);

/// <param name="Written">Whether the valid rows were saved; false when <c>allOrNothing</c> met an error.</param>
public sealed record BulkFactsReport(int Rows, int Created, int Updated, int Failed, bool Written, IReadOnlyList<BulkFactResult> Results);

public sealed class BulkUpsertFactsHandler(CrmDbContext db, UserContext users, TimeProvider clock, IValidator<BulkFactRow> validator,
    IOptions<FactsOptions> options) : ICommandHandler<BulkUpsertFactsCommand, Result<BulkFactsReport>>
{
    private const int Chunk = 500;
    private const string NotPermitted = "客户不存在或无权维护。";

    public async ValueTask<Result<BulkFactsReport>> Handle(BulkUpsertFactsCommand command, CancellationToken ct)
    {
        var rows = command.Rows;
        if (rows is null || rows.Count == 0)
            return Error.Field("rows", "至少需要一行数据。");
        var max = options.Value.MaxBulkRows;
        if (rows.Count > max)
            return Error.Field("rows", $"每次最多提交 {max} 行，请分批提交。", "tooManyRows");

        var user = users.User;
        var errors = new List<BulkFieldError>[rows.Count];
        var months = new DateOnly[rows.Count];
        var seen = new Dictionary<(long, DateOnly), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            errors[i] = row is null
                ? [new BulkFieldError("$", "行不能为空。")]
                : (await validator.ValidateAsync(row, ct)).Errors.Select(e => new BulkFieldError(e.PropertyName, e.ErrorMessage)).ToList();
            if (errors[i].Count > 0)
                continue;
            BusinessFact.TryParseMonth(row!.Month, out months[i]);
            if (!seen.TryAdd((row.CustomerId!.Value, months[i]), i))
                errors[i].Add(new BulkFieldError("month", $"与第 {seen[(row.CustomerId.Value, months[i])]} 行的客户和月份重复。"));
        }

        var customerIds = Enumerable.Range(0, rows.Count).Where(i => errors[i].Count == 0).Select(i => rows[i].CustomerId!.Value).Distinct().ToList();
        var writable = new Dictionary<long, bool>();
        var scope = user.ScopeFor(Permissions.CustomersWrite);
        foreach (var chunk in customerIds.Chunk(Chunk))
            foreach (var c in await db.Customers.AsNoTracking().Within(scope, db).Where(c => chunk.Contains(c.Id))
                         .Select(c => new { c.Id, c.IsArchived }).ToListAsync(ct))
                writable[c.Id] = c.IsArchived;
        for (var i = 0; i < rows.Count; i++)
        {
            if (errors[i].Count > 0)
                continue;
            // One message for "does not exist" and "not yours", so a bulk load cannot probe for customers.
            if (!writable.TryGetValue(rows[i].CustomerId!.Value, out var archived))
                errors[i].Add(new BulkFieldError("customerId", NotPermitted));
            else if (archived)
                errors[i].Add(new BulkFieldError("customerId", "客户已归档，请先恢复再修改。"));
        }

        var valid = Enumerable.Range(0, rows.Count).Where(i => errors[i].Count == 0).ToList();
        var failed = rows.Count - valid.Count;
        if (command.AllOrNothing && failed > 0)
            return Report(rows, errors, months, new Dictionary<int, bool>(), written: false);

        var existing = new Dictionary<(long, DateOnly), BusinessFact>();
        if (valid.Count > 0)
        {
            var minMonth = valid.Min(i => months[i]);
            var maxMonth = valid.Max(i => months[i]);
            foreach (var chunk in valid.Select(i => rows[i].CustomerId!.Value).Distinct().Chunk(Chunk))
                foreach (var f in await db.BusinessFacts.Where(f => chunk.Contains(f.CustomerId) && f.Month >= minMonth && f.Month <= maxMonth).ToListAsync(ct))
                    existing[(f.CustomerId, f.Month)] = f;
        }

        var now = clock.GetUtcNow();
        var created = new Dictionary<int, bool>();
        foreach (var i in valid)
        {
            var row = rows[i];
            var key = (row.CustomerId!.Value, months[i]);
            if (existing.TryGetValue(key, out var fact))
            {
                fact.Update(row.ToValues(), now, user.StaffId);
                created[i] = false;
            }
            else
            {
                db.BusinessFacts.Add(new BusinessFact(key.Item1, key.Item2, row.ToValues(), now, user.StaffId));
                created[i] = true;
            }
        }
        // One save: the valid rows land together or not at all.
        await db.SaveChangesAsync(ct);
        return Report(rows, errors, months, created, written: true);
    }

    private static BulkFactsReport Report(IReadOnlyList<BulkFactRow> rows, List<BulkFieldError>[] errors, DateOnly[] months,
        Dictionary<int, bool> created, bool written)
    {
        var results = new List<BulkFactResult>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var status = errors[i].Count > 0 ? "error" : !created.TryGetValue(i, out var isNew) ? "valid" : isNew ? "created" : "updated";
            results.Add(new BulkFactResult(i, rows[i]?.CustomerId, rows[i]?.Month, status, errors[i]));
        }
        return new BulkFactsReport(rows.Count, created.Count(c => c.Value), created.Count(c => !c.Value), errors.Count(e => e.Count > 0), written,
            results);
    }
}
