using Crm.Api.Domain.Access;
using Crm.Api.Domain.Activities;
using Crm.Api.Domain.Auth;
using Crm.Api.Domain.Calendar;
using Crm.Api.Domain.Classification;
using Crm.Api.Domain.Complaints;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Expenses;
using Crm.Api.Domain.Exports;
using Crm.Api.Domain.Integration;
using Crm.Api.Domain.Imports;
using Crm.Api.Domain.Kpi;
using Crm.Api.Domain.Org;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Data;

/// <summary>The one context. Each provider has a subclass that owns its migration set.</summary>
public abstract class CrmDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();
    public DbSet<StaffRole> StaffRoles => Set<StaffRole>();
    public DbSet<AccessStamp> AccessStamps => Set<AccessStamp>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerCoServer> CustomerCoServers => Set<CustomerCoServer>();
    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();
    public DbSet<CustomerSearchTerm> CustomerSearchTerms => Set<CustomerSearchTerm>();
    public DbSet<KeyPerson> KeyPersons => Set<KeyPerson>();
    public DbSet<CustomerHistoryEntry> CustomerHistory => Set<CustomerHistoryEntry>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<ReadLogEntry> ReadLog => Set<ReadLogEntry>();
    public DbSet<ReadLogHead> ReadLogHead => Set<ReadLogHead>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<HandoverItem> HandoverItems => Set<HandoverItem>();
    public DbSet<BusinessFact> BusinessFacts => Set<BusinessFact>();
    public DbSet<SyncSequence> SyncSequences => Set<SyncSequence>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<GradingSchemeVersion> GradingSchemeVersions => Set<GradingSchemeVersion>();
    public DbSet<RatingRun> RatingRuns => Set<RatingRun>();
    public DbSet<RatingProposal> RatingProposals => Set<RatingProposal>();
    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<FeedbackForm> FeedbackForms => Set<FeedbackForm>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<ImportPayload> ImportPayloads => Set<ImportPayload>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<Praise> Praises => Set<Praise>();
    public DbSet<ComplaintTransition> ComplaintTransitions => Set<ComplaintTransition>();
    public DbSet<Expense> Expenses => Set<Expense>();
    public DbSet<KpiPeriod> KpiPeriods => Set<KpiPeriod>();
    public DbSet<KpiEntry> KpiEntries => Set<KpiEntry>();
    public DbSet<UnitScorecard> UnitScorecards => Set<UnitScorecard>();

    private bool _accessChanged;

    /// <summary>
    /// Marks that this unit of work changes roles, staff, units or grants: the save then moves the access stamp by an
    /// atomic increment in the same transaction, after the change, so no cached standing can outlive it.
    /// </summary>
    public void MarkAccessChanged() => _accessChanged = true;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var synced = ChangeTracker.Entries<ISynced>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var announced = WebhookOutbox.Capture(ChangeTracker);
        if (!_accessChanged && synced.Count == 0 && announced.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var accessChanged = _accessChanged;
        _accessChanged = false;
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (synced.Count > 0)
                await StampChangesAsync(synced, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (announced.Count > 0)
            {
                // After the save, so that new records have their ids; in the same transaction, so an event exists iff its change does.
                OutboxEvents.AddRange(announced.Select(a => a()));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (accessChanged)
                await AccessStamps.Where(s => s.Id == AccessStamp.SingletonId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Numbers the synced records this unit of work changes from the one sequence row. Its update is the transaction's
    /// first write, and the row stays locked until commit (SQLite: the database's single writer lock; SQL Server: the
    /// row lock), so sequence order is commit order and a mirror reading "after n" never misses a later commit.
    /// </summary>
    private async Task StampChangesAsync(List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<ISynced>> synced, CancellationToken ct)
    {
        var count = synced.Count;
        await SyncSequences.Where(s => s.Id == SyncSequence.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, x => x.Value + count), ct);
        var last = await SyncSequences.Where(s => s.Id == SyncSequence.SingletonId).Select(s => s.Value).SingleAsync(ct);
        var next = last - count;
        foreach (var entry in synced)
            entry.Entity.StampChange(++next);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
}

public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native instant type; storing UTC ticks keeps ordering and comparison in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

public sealed class SqlServerCrmDbContext(DbContextOptions<SqlServerCrmDbContext> options) : CrmDbContext(options);

public sealed class DateTimeOffsetToUtcTicksConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
