using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class GradingSchemeVersionConfiguration : IEntityTypeConfiguration<GradingSchemeVersion>
{
    public void Configure(EntityTypeBuilder<GradingSchemeVersion> b)
    {
        b.Property(v => v.Code).HasMaxLength(40);
        b.Property(v => v.Name).HasMaxLength(100);
        b.Property(v => v.Comment).HasMaxLength(500);
        b.HasIndex(v => new { v.Code, v.Version }).IsUnique();
        b.HasOne<Staff>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RatingRunConfiguration : IEntityTypeConfiguration<RatingRun>
{
    public void Configure(EntityTypeBuilder<RatingRun> b)
    {
        b.Property(r => r.SchemeCode).HasMaxLength(40);
        b.Property(r => r.ActiveSchemeCode).HasMaxLength(40);
        // Unique over non-null values on both providers (EF adds the IS NOT NULL filter on SQL Server): one active run per scheme.
        b.HasIndex(r => r.ActiveSchemeCode).IsUnique();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.LeaseOwner).HasMaxLength(100);
        b.Property(r => r.Error).HasMaxLength(500);
        b.HasIndex(r => r.Status);
        b.HasOne<Staff>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(r => r.ClosedById).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.IsActive);
        b.Ignore(r => r.Pending);
    }
}

internal sealed class RatingProposalConfiguration : IEntityTypeConfiguration<RatingProposal>
{
    public void Configure(EntityTypeBuilder<RatingProposal> b)
    {
        b.Property(p => p.FromGrade).HasMaxLength(8);
        b.Property(p => p.ToGrade).HasMaxLength(8);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Basis).HasConversion<string>().HasMaxLength(20);
        // Two reviewers deciding the same line at once: the second save fails instead of deciding it twice.
        b.Property(p => p.Decision).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.HasIndex(p => new { p.RunId, p.Kind, p.Decision, p.CustomerId });
        b.Property(p => p.Note).HasMaxLength(500);
        b.HasIndex(p => new { p.RunId, p.CustomerId }).IsUnique();
        b.HasIndex(p => p.CustomerId);
        b.HasOne<RatingRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GradeChangeConfiguration : IEntityTypeConfiguration<GradeChange>
{
    public void Configure(EntityTypeBuilder<GradeChange> b)
    {
        b.Property(g => g.FromGrade).HasMaxLength(8);
        b.Property(g => g.ToGrade).HasMaxLength(8);
        b.Property(g => g.Direction).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.Reason).HasMaxLength(500);
        b.HasIndex(g => new { g.CustomerId, g.At });
        b.HasIndex(g => new { g.At, g.OwnerId });
        b.HasOne<Customer>().WithMany().HasForeignKey(g => g.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(g => g.ByStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(g => g.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RatingRun>().WithMany().HasForeignKey(g => g.RunId).OnDelete(DeleteBehavior.SetNull);
    }
}
