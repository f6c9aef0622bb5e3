using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Imports;
using Crm.Api.Features.Facts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Imports;

/// <summary>
/// Upserts monthly facts by customer + month through the bulk facts use case (same row validator, the same
/// "客户不存在或无权维护" for customers out of reach), batch by batch. The customer is named by id, external id or credit code.
/// </summary>
public sealed class FactImporter(CrmDbContext db, IMediator mediator)
{
    private const int LookupChunk = 500;

    public async Task<ImportOutcome> RunAsync(IReadOnlyList<ImportRecord> records, ImportMode mode, int batchRows, Func<int, Task> progress,
        CancellationToken ct)
    {
        var problems = new List<(int Row, ImportProblem Problem)>();
        var failedRows = new HashSet<int>();
        var rows = new List<(ImportRecord Record, BulkFactRow Row, string KeyField, string? CreditCode, string? ExternalId)>(records.Count);
        foreach (var record in records)
        {
            var v = new ImportValues(ImportKind.Facts, record);
            var row = new BulkFactRow
            {
                CustomerId = v.Long("customerId"),
                Month = v.Text("month"),
                OrderAmount = v.Decimal("orderAmount"),
                Volume = v.Decimal("volume"),
                VolumeUnit = v.Text("volumeUnit"),
                ProfitContribution = v.Decimal("profitContribution"),
                DaysOverdue = v.Int("daysOverdue"),
                OnTimePaymentRatio = v.Decimal("onTimePaymentRatio"),
                ShareOfWallet = v.Decimal("shareOfWallet"),
                Referrals = v.Int("referrals"),
                BadCredit = v.Bool("badCredit"),
                Source = v.Text("source"),
            };
            var externalId = v.Text("externalId");
            var creditCode = v.Text("creditCode") is { } code ? UnifiedSocialCreditCode.Normalize(code) : null;
            if (v.Problems.Count > 0)
            {
                Fail(record.Row, v.Problems);
                continue;
            }
            var keyField = row.CustomerId is not null ? "customerId" : externalId is not null ? "externalId" : creditCode is not null ? "creditCode" : null;
            if (keyField is null)
            {
                Fail(record.Row, [new ImportProblem("customerId", "请填写客户ID、外部编号或统一社会信用代码之一。")]);
                continue;
            }
            rows.Add((record, row, keyField, creditCode, externalId));
        }

        // The customer keys to ids, over every customer: reach is checked by the bulk use case, with one message for both cases.
        var byExternalId = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in rows.Where(r => r.KeyField == "externalId").Select(r => r.ExternalId!).Distinct().Chunk(LookupChunk))
            foreach (var c in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.ExternalId!)).Select(c => new { c.Id, c.ExternalId }).ToListAsync(ct))
                byExternalId[c.ExternalId!] = c.Id;
        var byCreditCode = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in rows.Where(r => r.KeyField == "creditCode").Select(r => r.CreditCode!).Distinct().Chunk(LookupChunk))
            foreach (var c in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.CreditCode)).Select(c => new { c.Id, c.CreditCode }).ToListAsync(ct))
                byCreditCode[c.CreditCode] = c.Id;

        var ready = new List<(ImportRecord Record, BulkFactRow Row, string KeyField)>(rows.Count);
        var seen = new Dictionary<(long, string), int>();
        foreach (var (record, row, keyField, creditCode, externalId) in rows)
        {
            long? customerId = keyField switch
            {
                "customerId" => row.CustomerId,
                "externalId" => byExternalId.TryGetValue(externalId!, out var x) ? x : null,
                _ => byCreditCode.TryGetValue(creditCode!, out var c) ? c : null,
            };
            if (customerId is null)
            {
                Fail(record.Row, [new ImportProblem(keyField, CustomerImporter.NotPermitted)]);
                continue;
            }
            var month = BusinessFact.TryParseMonth(row.Month, out var parsed) ? BusinessFact.FormatMonth(parsed) : row.Month ?? "";
            if (seen.TryGetValue((customerId.Value, month), out var first))
            {
                Fail(record.Row, [new ImportProblem("month", $"与第 {first} 行的客户和月份重复。")]);
                continue;
            }
            seen[(customerId.Value, month)] = record.Row;
            ready.Add((record, row with { CustomerId = customerId }, keyField));
        }

        var created = 0;
        var updated = 0;
        var done = records.Count - ready.Count;
        var outer = mode == ImportMode.AllOrNothing ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            foreach (var batch in ready.Chunk(batchRows))
            {
                var result = await mediator.Send(new BulkUpsertFactsCommand(batch.Select(b => b.Row).ToList(), outer is not null), ct);
                db.ChangeTracker.Clear();
                if (!result.IsSuccess)
                {
                    foreach (var (record, _, _) in batch)
                        Fail(record.Row, [new ImportProblem("", result.Error!.Detail)]);
                }
                else
                {
                    foreach (var line in result.Value!.Results)
                    {
                        var (record, _, keyField) = batch[line.Row];
                        if (line.Errors.Count > 0)
                            Fail(record.Row, line.Errors.Select(e => new ImportProblem(e.Field == "customerId" ? keyField : e.Field, e.Message)).ToList());
                        else if (line.Status == "created")
                            created++;
                        else if (line.Status == "updated")
                            updated++;
                    }
                }
                done += batch.Length;
                if (done < records.Count)
                    await progress(done);
            }
            if (outer is null)
                return new ImportOutcome(created, updated, failedRows.Count, created + updated > 0, Sorted());
            if (failedRows.Count > 0)
            {
                await outer.RollbackAsync(ct);
                return new ImportOutcome(0, 0, failedRows.Count, false, Sorted());
            }
            await outer.CommitAsync(ct);
            return new ImportOutcome(created, updated, 0, true, Sorted());
        }
        finally
        {
            if (outer is not null)
                await outer.DisposeAsync();
            db.ChangeTracker.Clear();
        }

        void Fail(int row, IEnumerable<ImportProblem> found)
        {
            failedRows.Add(row);
            problems.AddRange(found.Select(p => (row, p)));
        }

        List<(int, ImportProblem)> Sorted() => problems.OrderBy(p => p.Row).Select(p => (p.Row, p.Problem)).ToList();
    }
}
