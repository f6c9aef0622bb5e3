using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

/// <summary>Reads one archive as its detail, through the visibility rule.</summary>
internal static class CustomerReader
{
    public static async Task<CustomerDetail?> ReadAsync(CrmDbContext db, CurrentUser user, long id, CancellationToken ct)
    {
        var row = await db.Customers.AsNoTracking()
            .VisibleTo(user, db)
            .Where(c => c.Id == id)
            .Select(c => new
            {
                Customer = c,
                OwningUnitName = db.OrgUnits.Where(u => u.Id == c.OwningUnitId).Select(u => u.Name).First(),
                OwnerName = db.Staff.Where(s => s.Id == c.OwnerId).Select(s => s.DisplayName).First(),
                ServiceUnitName = db.OrgUnits.Where(u => u.Id == c.ServiceUnitId).Select(u => u.Name).FirstOrDefault(),
                CoServers = db.CustomerCoServers.Where(x => x.CustomerId == c.Id)
                    .Join(db.Staff, x => x.StaffId, s => s.Id, (x, s) => new StaffRef(s.Id, s.DisplayName)).ToList(),
                Tags = c.Tags.Select(t => t.Tag).ToList(),
                KeyPersonCount = c.KeyPersons.Count,
            })
            // Split: as one statement SQLite would join every co-server row before picking this customer's.
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (row is null)
            return null;
        var c = row.Customer;
        return new CustomerDetail(c.Id, c.Code, c.Name, c.CreditCode, c.EnterpriseNature, c.SupervisingUnit, c.Industry, c.RegisteredCapital,
            c.TotalAssets, c.FoundedOn, c.Address, c.Region, c.Category, c.Grade, c.Status, c.RiskFlags.Split(), c.FirstContactOn,
            c.CooperationStartOn, c.OwningUnitId, row.OwningUnitName, new StaffRef(c.OwnerId, row.OwnerName), c.ServiceUnitId,
            row.ServiceUnitName, row.CoServers.OrderBy(s => s.Id).ToList(), row.Tags.Order(StringComparer.Ordinal).ToList(),
            row.KeyPersonCount, c.IsArchived, c.ArchivedAt, c.CreatedAt, c.UpdatedAt, c.Version, c.ExternalId);
    }
}
