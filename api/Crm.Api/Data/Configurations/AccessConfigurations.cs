using Crm.Api.Domain.Access;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> b)
    {
        b.Property(r => r.Code).HasMaxLength(50);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Description).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.Code).IsUnique();
        b.HasMany(r => r.Permissions).WithOne().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Permissions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.Grants);
    }
}

internal sealed class RolePermissionConfiguration : IEntityTypeConfiguration<RolePermission>
{
    public void Configure(EntityTypeBuilder<RolePermission> b)
    {
        b.HasKey(p => new { p.RoleId, p.Permission });
        b.Property(p => p.Permission).HasMaxLength(60);
        b.Property(p => p.Scope).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<StaffRole>
{
    public void Configure(EntityTypeBuilder<StaffRole> b)
    {
        b.HasKey(x => new { x.StaffId, x.RoleId });
        b.HasIndex(x => x.RoleId);
        b.HasOne<Staff>().WithMany(s => s.Roles).HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Role>().WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessStampConfiguration : IEntityTypeConfiguration<AccessStamp>
{
    public void Configure(EntityTypeBuilder<AccessStamp> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new { Id = AccessStamp.SingletonId, Version = 0L });
    }
}

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> b)
    {
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.DecisionComment).HasMaxLength(500);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Route).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.RequesterId, r.Status });
        b.HasIndex(r => new { r.ApproverId, r.Status });
        b.HasIndex(r => r.CustomerId);
        b.HasOne<Domain.Customers.Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(r => r.ApproverId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> b)
    {
        b.Property(g => g.RevokeReason).HasMaxLength(500);
        b.HasIndex(g => new { g.GranteeId, g.ExpiresAt });
        b.HasIndex(g => g.RequestId).IsUnique();
        b.HasOne(g => g.Request).WithMany().HasForeignKey(g => g.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(g => g.GranteeId).OnDelete(DeleteBehavior.Restrict);
    }
}
