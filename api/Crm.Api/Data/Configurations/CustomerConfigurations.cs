using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Code).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.CreditCode).HasMaxLength(18).IsFixedLength();
        b.Property(c => c.EnterpriseNature).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Grade).HasMaxLength(8);
        b.Property(c => c.SupervisingUnit).HasMaxLength(200);
        b.Property(c => c.Industry).HasMaxLength(100);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.Region).HasMaxLength(50);
        b.Property(c => c.RegisteredCapital).HasPrecision(18, 2);
        b.Property(c => c.TotalAssets).HasPrecision(18, 2);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.ExternalId).HasMaxLength(64);

        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.ChangeSeq);
        b.HasIndex(c => c.CreditCode).IsUnique();
        b.HasIndex(c => c.ExternalId).IsUnique();
        // Indexes that serve the list's visibility rules and common filters in the default order (newest first).
        // IsArchived sits in each index so that the (capped) counts are answered from the index alone.
        b.HasIndex(c => new { c.OwnerId, c.IsArchived, c.Id });
        b.HasIndex(c => new { c.OwningUnitId, c.IsArchived, c.Id });
        b.HasIndex(c => new { c.OwningUnitId, c.Grade, c.IsArchived, c.Id });
        b.HasIndex(c => new { c.ServiceUnitId, c.IsArchived, c.Id });
        b.HasIndex(c => new { c.Grade, c.IsArchived, c.Id });
        b.HasIndex(c => new { c.Status, c.IsArchived, c.Id });
        b.HasIndex(c => c.Name);
        b.HasIndex(c => c.UpdatedAt);

        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OwningUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.ServiceUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(c => c.CoServers).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Tags).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.SearchTerms).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.KeyPersons).WithOne(k => k.Customer).HasForeignKey(k => k.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.CoServers).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.SearchTerms).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.KeyPersons).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.Details);
    }
}

internal sealed class CustomerCoServerConfiguration : IEntityTypeConfiguration<CustomerCoServer>
{
    public void Configure(EntityTypeBuilder<CustomerCoServer> b)
    {
        b.HasKey(x => new { x.CustomerId, x.StaffId });
        b.HasIndex(x => new { x.StaffId, x.CustomerId });
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> b)
    {
        b.HasKey(x => new { x.CustomerId, x.Tag });
        b.Property(x => x.Tag).HasMaxLength(40);
        b.HasIndex(x => new { x.Tag, x.CustomerId });
    }
}

internal sealed class CustomerSearchTermConfiguration : IEntityTypeConfiguration<CustomerSearchTerm>
{
    public void Configure(EntityTypeBuilder<CustomerSearchTerm> b)
    {
        b.HasKey(x => new { x.Term, x.CustomerId });
        b.Property(x => x.Term).HasMaxLength(SearchTerms.MaxTermLength);
        b.HasIndex(x => x.CustomerId);
    }
}

internal sealed class KeyPersonConfiguration : IEntityTypeConfiguration<KeyPerson>
{
    public void Configure(EntityTypeBuilder<KeyPerson> b)
    {
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Title).HasMaxLength(100);
        b.Property(k => k.Level).HasConversion<string>().HasMaxLength(30);
        b.Property(k => k.Phone).HasMaxLength(40);
        b.Property(k => k.Email).HasMaxLength(200);
        b.Property(k => k.Anniversaries).HasMaxLength(500);
        b.Property(k => k.Personality).HasMaxLength(500);
        b.Property(k => k.Interests).HasMaxLength(500);
        b.Property(k => k.Education).HasMaxLength(100);
        b.Property(k => k.Family).HasMaxLength(500);
        b.Property(k => k.Version).IsConcurrencyToken();
        b.HasIndex(k => k.CustomerId);
        b.Ignore(k => k.Details);
    }
}

internal sealed class CustomerHistoryConfiguration : IEntityTypeConfiguration<CustomerHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CustomerHistoryEntry> b)
    {
        b.ToTable("CustomerHistory");
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(h => h.Field).HasMaxLength(100);
        b.Property(h => h.OldValue).HasMaxLength(1000);
        b.Property(h => h.NewValue).HasMaxLength(1000);
        b.HasIndex(h => new { h.CustomerId, h.Id });
        b.HasOne<Staff>().WithMany().HasForeignKey(h => h.ByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BusinessFactConfiguration : IEntityTypeConfiguration<BusinessFact>
{
    public void Configure(EntityTypeBuilder<BusinessFact> b)
    {
        b.Property(f => f.OrderAmount).HasPrecision(18, 2);
        b.Property(f => f.Volume).HasPrecision(18, 3);
        b.Property(f => f.VolumeUnit).HasMaxLength(10);
        b.Property(f => f.ProfitContribution).HasPrecision(18, 2);
        b.Property(f => f.OnTimePaymentRatio).HasPrecision(5, 4);
        b.Property(f => f.ShareOfWallet).HasPrecision(5, 4);
        b.Property(f => f.Source).HasMaxLength(40);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => new { f.CustomerId, f.Month }).IsUnique();
        b.HasIndex(f => f.ChangeSeq);
        b.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(f => f.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(f => f.Values);
    }
}

internal sealed class SyncSequenceConfiguration : IEntityTypeConfiguration<SyncSequence>
{
    public void Configure(EntityTypeBuilder<SyncSequence> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new SyncSequence { Id = SyncSequence.SingletonId, Value = 0 });
    }
}
