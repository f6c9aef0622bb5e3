using Crm.Api.Domain.Calendar;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Api.Data.Configurations;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(CalendarYear.SourceMaxLength);
        b.Property(y => y.SeedHash).HasMaxLength(CalendarYear.SeedHashLength).IsFixedLength();
        b.Property(y => y.Version).IsConcurrencyToken();
        b.HasOne<Staff>().WithMany().HasForeignKey(y => y.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(y => y.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(y => y.Days).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(y => y.IsFromSeed);
    }
}

internal sealed class CalendarYearDayConfiguration : IEntityTypeConfiguration<CalendarYearDay>
{
    public void Configure(EntityTypeBuilder<CalendarYearDay> b)
    {
        b.ToTable("CalendarDays");
        // A date may appear in two notices (a 元旦 block reaching back into December), so the key includes the notice's year.
        b.HasKey(d => new { d.Year, d.Date });
        b.Property(d => d.Name).HasMaxLength(CalendarYearDay.NameMaxLength);
    }
}
