using Crm.Api.Domain.Complaints;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Expenses;
using Crm.Api.Domain.Kpi;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Subject).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(Complaint.TextMaxLength);
        b.Property(c => c.Finding).HasMaxLength(Complaint.TextMaxLength);
        b.Property(c => c.CorrectiveAction).HasMaxLength(Complaint.TextMaxLength);
        b.Property(c => c.Review).HasMaxLength(Complaint.TextMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.CountsAgainstUnit);
        b.HasMany(c => c.Transitions).WithOne().HasForeignKey(t => t.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(c => new { c.CustomerId, c.ReceivedOn });
        // Yearly counts per responsible unit and person (≥ 3 disqualifies).
        b.HasIndex(c => new { c.ResponsibleUnitId, c.ReceivedOn });
        b.HasIndex(c => new { c.ResponsibleStaffId, c.ReceivedOn });
        b.HasIndex(c => new { c.Status, c.ReceivedOn });
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(c => c.ResponsibleStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PraiseConfiguration : IEntityTypeConfiguration<Praise>
{
    public void Configure(EntityTypeBuilder<Praise> b)
    {
        b.Property(p => p.Content).HasMaxLength(Praise.TextMaxLength);
        b.HasIndex(p => new { p.CustomerId, p.ReceivedOn });
        b.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(p => p.PraisedStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintTransitionConfiguration : IEntityTypeConfiguration<ComplaintTransition>
{
    public void Configure(EntityTypeBuilder<ComplaintTransition> b)
    {
        b.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Note).HasMaxLength(Complaint.TextMaxLength);
        b.HasOne<Staff>().WithMany().HasForeignKey(t => t.ByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> b)
    {
        b.Property(e => e.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Amount).HasPrecision(18, 2);
        b.Property(e => e.Description).HasMaxLength(Expense.DescriptionMaxLength);
        b.HasIndex(e => new { e.CustomerId, e.SpentOn });
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KpiPeriodConfiguration : IEntityTypeConfiguration<KpiPeriod>
{
    public void Configure(EntityTypeBuilder<KpiPeriod> b)
    {
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        b.Ignore(p => p.LastDay);
        // One row per month, whichever instance creates it: the row every run and close locks.
        b.HasIndex(p => p.Month).IsUnique();
    }
}

internal sealed class KpiEntryConfiguration : IEntityTypeConfiguration<KpiEntry>
{
    public void Configure(EntityTypeBuilder<KpiEntry> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(e => e.Rule).HasMaxLength(40);
        b.Property(e => e.Points).HasPrecision(9, 2);
        b.Property(e => e.Amount).HasPrecision(18, 2);
        b.Property(e => e.Evidence).HasMaxLength(KpiEntry.TextMaxLength);
        b.Property(e => e.Reason).HasMaxLength(KpiEntry.TextMaxLength);
        b.HasIndex(e => new { e.PeriodId, e.Kind });
        b.HasIndex(e => new { e.UnitId, e.Month });
        b.HasIndex(e => new { e.StaffId, e.Month });
        b.HasOne<KpiPeriod>().WithMany().HasForeignKey(e => e.PeriodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(e => e.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitScorecardConfiguration : IEntityTypeConfiguration<UnitScorecard>
{
    public void Configure(EntityTypeBuilder<UnitScorecard> b)
    {
        b.Property(s => s.ItemsJson).HasMaxLength(4000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.Year, s.UnitId }).IsUnique();
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
