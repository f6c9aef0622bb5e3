using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class ReadLogEntryConfiguration : IEntityTypeConfiguration<ReadLogEntry>
{
    public void Configure(EntityTypeBuilder<ReadLogEntry> b)
    {
        b.ToTable("ReadLog");
        // The id is part of the hash and comes from the chain head, never from the database.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Right).HasMaxLength(ReadLogEntry.RightMaxLength);
        b.Property(e => e.Client).HasMaxLength(ReadLogEntry.ClientMaxLength);
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        b.HasIndex(e => new { e.StaffId, e.Id });
        b.HasIndex(e => new { e.CustomerId, e.Id });
        b.HasIndex(e => e.At);
        b.HasOne<Staff>().WithMany().HasForeignKey(e => e.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReadLogHeadConfiguration : IEntityTypeConfiguration<ReadLogHead>
{
    public void Configure(EntityTypeBuilder<ReadLogHead> b)
    {
        b.ToTable("ReadLogHead");
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.LastHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        b.HasData(new { Id = ReadLogHead.SingletonId, LastEntryId = 0L, LastHash = ReadLogChain.GenesisHash });
    }
}
