using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> b)
    {
        b.Property(h => h.Reason).HasMaxLength(Handover.ReasonMaxLength);
        b.HasIndex(h => new { h.FromStaffId, h.Id });
        b.HasIndex(h => new { h.ToStaffId, h.Id });
        // Staff are disabled, never deleted, so a record always names its people.
        b.HasOne<Staff>().WithMany().HasForeignKey(h => h.FromStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(h => h.ToStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(h => h.ByStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(h => h.Items).WithOne().HasForeignKey(i => i.HandoverId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(h => h.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HandoverItemConfiguration : IEntityTypeConfiguration<HandoverItem>
{
    public void Configure(EntityTypeBuilder<HandoverItem> b)
    {
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(i => new { i.HandoverId, i.Id });
        b.HasIndex(i => i.CustomerId);
        b.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}
