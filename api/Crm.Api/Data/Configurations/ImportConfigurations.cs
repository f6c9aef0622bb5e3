using Crm.Api.Domain.Imports;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(j => j.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.FileName).HasMaxLength(200);
        b.Property(j => j.Error).HasMaxLength(1000);
        b.Property(j => j.LeaseOwner).HasMaxLength(100);
        b.HasIndex(j => new { j.StaffId, j.Id });
        b.HasIndex(j => new { j.Status, j.Id });
        b.HasOne<Staff>().WithMany().HasForeignKey(j => j.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> b)
    {
        b.Property(e => e.Field).HasMaxLength(64);
        b.Property(e => e.Message).HasMaxLength(500);
        b.HasIndex(e => new { e.ImportJobId, e.Row, e.Id });
        b.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportPayloadConfiguration : IEntityTypeConfiguration<ImportPayload>
{
    public void Configure(EntityTypeBuilder<ImportPayload> b)
    {
        b.HasKey(p => p.ImportJobId);
        b.Property(p => p.ImportJobId).ValueGeneratedNever();
        b.HasOne<ImportJob>().WithOne().HasForeignKey<ImportPayload>(p => p.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}
