using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> b)
    {
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.ChangedFields).HasMaxLength(Obligation.FieldsMaxLength);
        b.Property(o => o.ReturnedReason).HasMaxLength(Obligation.ReasonMaxLength);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.ChangedFieldList);
        b.Ignore(o => o.IsOpen);
        // One filing per customer, whichever instance or request creates it. Bracketed names work on both providers.
        b.HasIndex(o => o.CustomerId).IsUnique().HasFilter("[Kind] = 'Filing'").HasDatabaseName("IX_Obligations_CustomerId_Filing");
        // The deadline board counts from these alone (covering): by visible customer, by unit, by responsible person.
        b.HasIndex(o => new { o.CustomerId, o.Kind, o.Status, o.DueOn, o.MetOn, o.OwningUnitId, o.ResponsibleId });
        b.HasIndex(o => new { o.OwningUnitId, o.Kind, o.Status, o.DueOn, o.MetOn });
        b.HasIndex(o => new { o.ResponsibleId, o.Kind, o.Status, o.DueOn, o.MetOn });
        // Open ones by due date: the board's lists and the reminder pass.
        b.HasIndex(o => new { o.Status, o.DueOn, o.Id });
        b.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(o => o.ResponsibleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.HasIndex(r => new { r.ObligationId, r.RemindedOn }).IsUnique();
        b.HasIndex(r => new { r.ToStaffId, r.RemindedOn });
        b.HasOne<Obligation>().WithMany().HasForeignKey(r => r.ObligationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(r => r.ToStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackFormConfiguration : IEntityTypeConfiguration<FeedbackForm>
{
    public void Configure(EntityTypeBuilder<FeedbackForm> b)
    {
        b.Property(f => f.Grade).HasMaxLength(8);
        b.Property(f => f.Situation).HasMaxLength(FeedbackForm.TextMaxLength);
        b.Property(f => f.Needs).HasMaxLength(FeedbackForm.TextMaxLength);
        b.Property(f => f.CompetitorInfo).HasMaxLength(FeedbackForm.TextMaxLength);
        b.Property(f => f.Suggestions).HasMaxLength(FeedbackForm.TextMaxLength);
        // Quota counts per unit and month; a customer's forms newest first.
        b.HasIndex(f => new { f.Month, f.UnitId, f.Grade });
        b.HasIndex(f => new { f.CustomerId, f.Month });
        b.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(f => f.SubmittedById).OnDelete(DeleteBehavior.Restrict);
    }
}
