using System.Text.Json;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Crm.Api.Data;

/// <summary>
/// Turns the changes of a unit of work into outbox events. Events carry ids and the few fields a receiver needs to
/// decide whether to fetch the record; the record itself is read through the API, under the receiver's rights.
/// </summary>
internal static class WebhookOutbox
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Factories, run after the save (ids assigned), for the events the pending changes raise.</summary>
    public static List<Func<OutboxEvent>> Capture(ChangeTracker tracker)
    {
        var events = new List<Func<OutboxEvent>>();
        foreach (var entry in tracker.Entries<Customer>())
        {
            var customer = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    events.Add(() => Event(WebhookEventTypes.CustomerCreated, customer, new { customerId = customer.Id, customer.Code, customer.Name }));
                    break;
                case EntityState.Modified:
                    events.Add(() => Event(WebhookEventTypes.CustomerUpdated, customer,
                        new { customerId = customer.Id, customer.Code, customer.Version, archived = customer.IsArchived }));
                    var grade = entry.Property(c => c.Grade);
                    if (grade.IsModified && !Equals(grade.OriginalValue, grade.CurrentValue))
                    {
                        var from = grade.OriginalValue;
                        events.Add(() => Event(WebhookEventTypes.CustomerGraded, customer,
                            new { customerId = customer.Id, customer.Code, from, to = customer.Grade, overridden = customer.GradeOverridden }));
                    }
                    break;
            }
        }
        foreach (var entry in tracker.Entries<AccessGrant>().Where(e => e.State == EntityState.Added))
        {
            var grant = entry.Entity;
            events.Add(() => new OutboxEvent(WebhookEventTypes.AccessGranted, grant.CustomerId,
                JsonSerializer.Serialize(new { grantId = grant.Id, grant.CustomerId, grant.GranteeId, grant.StartsAt, grant.ExpiresAt }, Json), grant.StartsAt));
        }
        return events;
    }

    private static OutboxEvent Event(string type, Customer customer, object data) =>
        new(type, customer.Id, JsonSerializer.Serialize(data, Json), customer.UpdatedAt);
}
