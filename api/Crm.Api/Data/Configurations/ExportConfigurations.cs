using Crm.Api.Domain.Exports;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> b)
    {
        b.Property(j => j.Format).HasConversion<string>().HasMaxLength(10);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.FilterJson).HasMaxLength(2000);
        b.Property(j => j.FileName).HasMaxLength(200);
        b.Property(j => j.FilePath).HasMaxLength(500);
        b.Property(j => j.Error).HasMaxLength(1000);
        b.Property(j => j.LeaseOwner).HasMaxLength(100);
        b.HasIndex(j => new { j.StaffId, j.Id });
        b.HasIndex(j => new { j.Status, j.Id });
        b.HasIndex(j => j.CreatedAt);
        b.HasOne<Staff>().WithMany().HasForeignKey(j => j.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
