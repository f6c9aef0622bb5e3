using Crm.Api.Domain.Auth;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Code).HasMaxLength(40);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(u => u.Path).HasMaxLength(400);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.Path);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.Property(s => s.Username).HasMaxLength(64);
        b.Property(s => s.NormalizedUsername).HasMaxLength(64);
        b.Property(s => s.DisplayName).HasMaxLength(100);
        b.Property(s => s.Email).HasMaxLength(200);
        b.Property(s => s.Phone).HasMaxLength(40);
        b.Property(s => s.PasswordHash).HasMaxLength(200);
        b.Property(s => s.SecurityStamp).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.NormalizedUsername).IsUnique();
        b.HasIndex(s => s.UnitId);
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(s => s.Roles).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.FamilyId);
        b.HasOne<Staff>().WithMany().HasForeignKey(t => t.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}
