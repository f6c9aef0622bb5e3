using Crm.Api.Common.Errors;
using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Imports;
using Crm.Api.Features.Customers;
using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Imports;

/// <summary>What an import did: counts, and the problems per row number.</summary>
public sealed record ImportOutcome(int Created, int Updated, int Failed, bool Written, IReadOnlyList<(int Row, ImportProblem Problem)> Problems);

/// <summary>A customer row as read from the file: the archive's fields plus the keys that find an existing archive.</summary>
public sealed record CustomerImportRow : CustomerFieldsBody
{
    public string? Code { get; init; }
    public string? ExternalId { get; init; }
}

/// <summary>
/// Creates or updates customers row by row through the create and update use cases themselves (same validators,
/// ownership rules, history and obligations), matching an existing archive by external id, else by credit code.
/// Each row is its own transaction (best effort) or all rows share one that is rolled back on any error.
/// </summary>
public sealed class CustomerImporter(CrmDbContext db, UserContext users, IMediator mediator, TimeProvider clock,
    IValidator<CreateCustomerCommand> createValidator, IValidator<UpdateCustomerCommand> updateValidator)
{
    public const string NotPermitted = "客户不存在或无权维护。";
    public const int MaxExternalIdLength = 64;

    public async Task<ImportOutcome> RunAsync(IReadOnlyList<ImportRecord> records, ImportMode mode, int batchRows, Func<int, Task> progress,
        CancellationToken ct)
    {
        var user = users.User;
        var problems = new List<(int, ImportProblem)>();
        var failed = 0;
        var created = 0;
        var updated = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var outer = mode == ImportMode.AllOrNothing ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var (outcome, rowProblems) = await ImportRowAsync(user, record, seen, outer is null, ct);
                if (outcome == RowOutcome.Created)
                    created++;
                else if (outcome == RowOutcome.Updated)
                    updated++;
                else
                {
                    failed++;
                    problems.AddRange(rowProblems.Select(p => (record.Row, p)));
                }
                if ((i + 1) % batchRows == 0 && i + 1 < records.Count)
                    await progress(i + 1);
            }

            if (outer is null)
                return new ImportOutcome(created, updated, failed, created + updated > 0, problems);
            if (failed > 0)
            {
                await outer.RollbackAsync(ct);
                return new ImportOutcome(0, 0, failed, false, problems);
            }
            await outer.CommitAsync(ct);
            return new ImportOutcome(created, updated, 0, true, problems);
        }
        finally
        {
            if (outer is not null)
                await outer.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }

    private enum RowOutcome
    {
        Created,
        Updated,
        Failed,
    }

    private static (RowOutcome, List<ImportProblem>) Fail(List<ImportProblem> problems) => (RowOutcome.Failed, problems);

    private async Task<(RowOutcome Outcome, List<ImportProblem> Problems)> ImportRowAsync(CurrentUser user, ImportRecord record, Dictionary<string, int> seen, bool ownTransaction,
        CancellationToken ct)
    {
        var (row, problems) = Map(record);
        if (problems.Count > 0)
            return Fail(problems);
        var externalId = string.IsNullOrWhiteSpace(row.ExternalId) ? null : row.ExternalId.Trim();
        if (externalId is { Length: > MaxExternalIdLength })
            return Fail([new ImportProblem("externalId", $"外部编号最多 {MaxExternalIdLength} 个字符。")]);
        var creditCode = UnifiedSocialCreditCode.Normalize(row.CreditCode ?? "");
        // An invalid credit code is the validator's to report, not a duplicate of another invalid one.
        var creditKey = UnifiedSocialCreditCode.IsValid(creditCode) ? "c:" + creditCode : null;
        foreach (var key in new[] { externalId is null ? null : "x:" + externalId, creditKey })
        {
            if (key is null)
                continue;
            if (seen.TryGetValue(key, out var first))
                return Fail([new ImportProblem(key[0] == 'x' ? "externalId" : "creditCode", $"与第 {first} 行是同一客户，同一文件中每个客户只能出现一次。")]);
        }
        if (externalId is not null)
            seen["x:" + externalId] = record.Row;
        if (creditKey is not null)
            seen[creditKey] = record.Row;

        long? existingId = null;
        var keyField = "creditCode";
        if (externalId is not null)
        {
            existingId = await db.Customers.AsNoTracking().Where(c => c.ExternalId == externalId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            if (existingId is not null)
                keyField = "externalId";
        }
        existingId ??= await db.Customers.AsNoTracking().Where(c => c.CreditCode == creditCode).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);

        if (existingId is { } id)
        {
            // One answer for "does not exist" and "not yours to change": an import cannot probe for archives.
            var target = await db.Customers.AsNoTracking().VisibleTo(user, db).Include(c => c.CoServers).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (target is null || !CustomerWrites.Reaches(user, Permissions.CustomersWrite, target))
                return Fail([new ImportProblem(keyField, NotPermitted)]);
            // The version just read stands in for If-Match: a change made meanwhile by someone else is a row error, not overwritten.
            var update = row.Adapt<UpdateCustomerCommand>() with { Id = id, ExpectedVersion = target.Version };
            var validation = await updateValidator.ValidateAsync(update, ct);
            if (!validation.IsValid)
                return Fail(Problems(validation));
            return await WriteAsync(ownTransaction, () => mediator.Send(update, ct), externalId, isNew: false, ct);
        }

        var create = row.Adapt<CreateCustomerCommand>();
        var createValidation = await createValidator.ValidateAsync(create, ct);
        if (!createValidation.IsValid)
            return Fail(Problems(createValidation));
        return await WriteAsync(ownTransaction, () => mediator.Send(create, ct), externalId, isNew: true, ct);
    }

    private async Task<(RowOutcome, List<ImportProblem>)> WriteAsync(bool ownTransaction, Func<ValueTask<Result<CustomerDetail>>> send, string? externalId, bool isNew,
        CancellationToken ct)
    {
        var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await send();
            if (!result.IsSuccess)
            {
                if (transaction is not null)
                    await transaction.RollbackAsync(ct);
                return Fail(Problems(result.Error!));
            }
            if (externalId is not null)
            {
                var user = users.User;
                var customer = await db.Customers.SingleAsync(c => c.Id == result.Value!.Id, ct);
                var now = clock.GetUtcNow();
                if (customer.SetExternalId(externalId, now, user.StaffId) is { } change)
                {
                    customer.RecordHistory(HistoryAction.Updated, [change], now, user.StaffId);
                    await db.SaveChangesAsync(ct);
                }
            }
            if (transaction is not null)
                await transaction.CommitAsync(ct);
            return (isNew ? RowOutcome.Created : RowOutcome.Updated, []);
        }
        catch (DbUpdateException)
        {
            if (transaction is not null)
                await transaction.RollbackAsync(CancellationToken.None);
            return Fail([new ImportProblem("", "保存失败：与其他记录冲突（如外部编号或客户编码已被使用），请检查后重试。")]);
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static List<ImportProblem> Problems(FluentValidation.Results.ValidationResult validation) =>
        validation.Errors.Select(e => new ImportProblem(e.PropertyName, e.ErrorMessage)).ToList();

    private static List<ImportProblem> Problems(Error error)
    {
        if (error.FieldErrors is { Count: > 0 } fields)
            return fields.SelectMany(f => f.Value.Select(m => new ImportProblem(f.Key, m))).ToList();
        var field = error.Code switch
        {
            "duplicateCreditCode" => "creditCode",
            "duplicateCode" => "code",
            _ => "",
        };
        return [new ImportProblem(field, error.Kind == ErrorKind.NotFound ? NotPermitted : error.Detail)];
    }

    private static (CustomerImportRow Row, List<ImportProblem> Problems) Map(ImportRecord record)
    {
        var v = new ImportValues(ImportKind.Customers, record);
        var row = new CustomerImportRow
        {
            ExternalId = v.Text("externalId"),
            Code = v.Text("code"),
            Name = v.Text("name"),
            CreditCode = v.Text("creditCode"),
            EnterpriseNature = v.Enum<EnterpriseNature>("enterpriseNature", ImportLabels.Of),
            SupervisingUnit = v.Text("supervisingUnit"),
            Industry = v.Text("industry"),
            RegisteredCapital = v.Decimal("registeredCapital"),
            TotalAssets = v.Decimal("totalAssets"),
            FoundedOn = v.Date("foundedOn"),
            Address = v.Text("address"),
            Region = v.Text("region"),
            Category = v.Enum<CustomerCategory>("category", ImportLabels.Of),
            Grade = v.Text("grade"),
            Status = v.Enum<CustomerStatus>("status", ImportLabels.Of),
            RiskFlags = v.Enums<RiskFlags>("riskFlags", ImportLabels.Of),
            FirstContactOn = v.Date("firstContactOn"),
            CooperationStartOn = v.Date("cooperationStartOn"),
            OwningUnitId = v.Long("owningUnitId"),
            OwnerId = v.Long("ownerId"),
            ServiceUnitId = v.Long("serviceUnitId"),
            CoServerIds = v.Ids("coServerIds"),
            Tags = v.List("tags"),
        };
        return (row, v.Problems);
    }
}
