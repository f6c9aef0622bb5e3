using Crm.Api.Domain.Integration;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.Property(e => e.Type).HasMaxLength(50);
        b.HasIndex(e => e.EventId).IsUnique();
        b.HasIndex(e => new { e.DispatchedAt, e.Id });
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(s => s.Url).HasMaxLength(2000);
        b.Property(s => s.EventTypes).HasMaxLength(500);
        b.Property(s => s.Description).HasMaxLength(200);
        b.Property(s => s.Secret).HasMaxLength(100);
        b.HasOne<Staff>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.Types);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.Property(d => d.LeaseOwner).HasMaxLength(100);
        b.HasIndex(d => new { d.SubscriptionId, d.OutboxEventId }).IsUnique();
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OutboxEvent>().WithMany().HasForeignKey(d => d.OutboxEventId).OnDelete(DeleteBehavior.Cascade);
    }
}
