using Crm.Api.Domain.Activities;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Notes).HasMaxLength(Activity.NotesMaxLength);
        b.Property(a => a.Outcome).HasMaxLength(Activity.OutcomeMaxLength);
        b.Property(a => a.NextStep).HasMaxLength(Activity.NextStepMaxLength);
        b.Property(a => a.Version).IsConcurrencyToken();
        // A customer's activities newest first, and everyone's by date (the cross-customer list).
        b.HasIndex(a => new { a.CustomerId, a.OccurredOn, a.Id });
        b.HasIndex(a => new { a.OccurredOn, a.Id });
        // Customers are archived, never deleted; Restrict also keeps SQL Server's cascade paths to ActivityKeyPersons single.
        b.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.KeyPersons).WithOne().HasForeignKey(k => k.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(a => a.KeyPersons).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(a => a.Details);
    }
}

internal sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> b)
    {
        b.ToTable("ActivityParticipants");
        b.HasKey(p => new { p.ActivityId, p.StaffId });
        b.HasIndex(p => new { p.StaffId, p.ActivityId });
        b.HasOne<Staff>().WithMany().HasForeignKey(p => p.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityKeyPersonConfiguration : IEntityTypeConfiguration<ActivityKeyPerson>
{
    public void Configure(EntityTypeBuilder<ActivityKeyPerson> b)
    {
        b.ToTable("ActivityKeyPersons");
        b.HasKey(k => new { k.ActivityId, k.KeyPersonId });
        b.HasIndex(k => k.KeyPersonId);
        // Removing a key person from the archive removes them from the activities that named them.
        b.HasOne<KeyPerson>().WithMany().HasForeignKey(k => k.KeyPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
