using Crm.Api.Common.Calendar;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Api.Features.Deadlines;

/// <summary>
/// Creates the obligations an archive's writes give rise to: the filing once the customer has a first-contact date, and
/// after filing a change report for changes to the designated fields (one open report per customer collects further
/// changes and keeps the first change's due date). Called by the customer and key-person writes after they saved.
/// </summary>
public sealed class ObligationTracker(CrmDbContext db, ICalendarProvider calendars, BusinessClock clock, IOptions<DeadlinesOptions> options)
{
    /// <param name="changedFields">The archive's changed field names as the history records them (key persons: <c>keyPersons</c>).</param>
    public async Task CustomerChangedAsync(Customer customer, IEnumerable<string> changedFields, CancellationToken ct)
    {
        if (customer.FirstContactOn is not { } firstContact)
            return;
        var o = options.Value;
        var calendar = await calendars.GetAsync(ct);
        var filing = await db.Obligations.SingleOrDefaultAsync(x => x.CustomerId == customer.Id && x.Kind == ObligationKind.Filing, ct);
        if (filing is null)
        {
            db.Obligations.Add(new Obligation(ObligationKind.Filing, customer.Id, customer.OwningUnitId, customer.OwnerId, firstContact,
                calendar.AddWorkingDays(firstContact, o.FilingWorkingDays), [], clock.UtcNow));
            await db.SaveChangesAsync(ct);
            return;
        }
        if (filing.Status != ObligationStatus.Met)
        {
            // A corrected first-contact date moves an unfiled customer's due date with it.
            if (filing.IsOpen && filing.TriggeredOn != firstContact)
            {
                filing.Reschedule(firstContact, calendar.AddWorkingDays(firstContact, o.FilingWorkingDays));
                await db.SaveChangesAsync(ct);
            }
            return;
        }
        var reported = changedFields.Where(o.ReportedFieldList.Contains).ToList();
        if (reported.Count == 0)
            return;
        var open = await db.Obligations.Where(x => x.CustomerId == customer.Id && x.Kind == ObligationKind.ChangeReport
                                                   && (x.Status == ObligationStatus.Open || x.Status == ObligationStatus.Returned))
            .OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            open.AddChangedFields(reported);
        }
        else
        {
            var today = clock.Today;
            db.Obligations.Add(new Obligation(ObligationKind.ChangeReport, customer.Id, customer.OwningUnitId, customer.OwnerId, today,
                calendar.AddWorkingDays(today, o.ChangeReportWorkingDays), reported, clock.UtcNow));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Gives customers with a first-contact date and no filing their filing (archives imported or seeded without these
    /// writes). Returns how many were added; another instance adding the same filing first is not an error.
    /// </summary>
    public async Task<int> BackfillFilingsAsync(int batch, CancellationToken ct)
    {
        var filed = db.Obligations.Where(x => x.Kind == ObligationKind.Filing).Select(x => x.CustomerId);
        var missing = await db.Customers.AsNoTracking().Where(c => c.FirstContactOn != null && !filed.Contains(c.Id))
            .OrderBy(c => c.Id).Take(batch).Select(c => new { c.Id, c.OwningUnitId, c.OwnerId, FirstContactOn = c.FirstContactOn!.Value }).ToListAsync(ct);
        if (missing.Count == 0)
            return 0;
        var calendar = await calendars.GetAsync(ct);
        var now = clock.UtcNow;
        foreach (var c in missing)
            db.Obligations.Add(new Obligation(ObligationKind.Filing, c.Id, c.OwningUnitId, c.OwnerId, c.FirstContactOn,
                calendar.AddWorkingDays(c.FirstContactOn, options.Value.FilingWorkingDays), [], now));
        try
        {
            await db.SaveChangesAsync(ct);
            return missing.Count;
        }
        catch (DbUpdateException)
        {
            // The unique filing per customer: another instance got there first; the next pass picks up what is left.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>The 客户基本信息表 fields this archive still lacks, in the configured order.</summary>
    public static IReadOnlyList<string> MissingFilingFields(Customer customer, bool hasKeyPersonWithPhone, IEnumerable<string> required) =>
        required.Where(field => field switch
        {
            "name" => string.IsNullOrWhiteSpace(customer.Name),
            "creditCode" => string.IsNullOrWhiteSpace(customer.CreditCode),
            "industry" => string.IsNullOrWhiteSpace(customer.Industry),
            "address" => string.IsNullOrWhiteSpace(customer.Address),
            "region" => string.IsNullOrWhiteSpace(customer.Region),
            "firstContactOn" => customer.FirstContactOn is null,
            "keyPersonWithPhone" => !hasKeyPersonWithPhone,
            // enterpriseNature and category are required by the archive form itself.
            _ => false,
        }).ToList();
}
