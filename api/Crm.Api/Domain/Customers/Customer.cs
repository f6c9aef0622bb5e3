using System.Globalization;

namespace Crm.Api.Domain.Customers;

/// <summary>The editable facts of an archive (客户档案). Ownership is set through <see cref="Customer.AssignOwnership"/>.</summary>
public sealed record CustomerDetails(
    string Name,
    string CreditCode,
    EnterpriseNature EnterpriseNature,
    string? SupervisingUnit,
    string? Industry,
    decimal? RegisteredCapital,
    decimal? TotalAssets,
    DateOnly? FoundedOn,
    string? Address,
    string? Region,
    CustomerCategory Category,
    string? Grade,
    CustomerStatus Status,
    RiskFlags RiskFlags,
    DateOnly? FirstContactOn,
    DateOnly? CooperationStartOn);

/// <summary>One field's change, recorded in the archive's history (动态管理).</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>A record mirrored by integrations through its change sequence (see <c>SyncSequence</c>).</summary>
public interface ISynced
{
    /// <summary>Moves with every committed change, in commit order, across all synced records.</summary>
    long ChangeSeq { get; }

    void StampChange(long sequence);
}

public sealed class Customer : ISynced
{
    private readonly List<CustomerCoServer> _coServers = [];
    private readonly List<CustomerTag> _tags = [];
    private readonly List<KeyPerson> _keyPersons = [];
    private readonly List<CustomerSearchTerm> _searchTerms = [];
    private readonly List<CustomerHistoryEntry> _history = [];

    private Customer() { }

    public Customer(string code, CustomerDetails details, long owningUnitId, long ownerId, long? serviceUnitId,
        IReadOnlyCollection<long> coServerIds, IReadOnlyCollection<string> tags, DateTimeOffset at, long byStaffId)
    {
        Code = code;
        Apply(details);
        OwningUnitId = owningUnitId;
        OwnerId = ownerId;
        ServiceUnitId = serviceUnitId;
        _coServers.AddRange(coServerIds.Where(id => id != ownerId).Distinct().Select(id => new CustomerCoServer(0, id)));
        _tags.AddRange(NormalizeTags(tags).Select(tag => new CustomerTag(0, tag)));
        CreatedAt = at;
        CreatedById = byStaffId;
        UpdatedAt = at;
        UpdatedById = byStaffId;
        Version = 1;
        RebuildSearchTerms();
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CreditCode { get; private set; } = "";
    public EnterpriseNature EnterpriseNature { get; private set; }
    public string? SupervisingUnit { get; private set; }
    public string? Industry { get; private set; }
    public decimal? RegisteredCapital { get; private set; }
    public decimal? TotalAssets { get; private set; }
    public DateOnly? FoundedOn { get; private set; }
    public string? Address { get; private set; }
    public string? Region { get; private set; }
    public CustomerCategory Category { get; private set; }
    public string? Grade { get; private set; }
    public CustomerStatus Status { get; private set; }
    public RiskFlags RiskFlags { get; private set; }
    public DateOnly? FirstContactOn { get; private set; }
    public DateOnly? CooperationStartOn { get; private set; }

    /// <summary>The grade was set by a person (人工调整) rather than approved from a rating run; the next run lists it apart.</summary>
    public bool GradeOverridden { get; private set; }

    /// <summary>The customer's key in another system (ERP, imports); optional, unique when set.</summary>
    public string? ExternalId { get; private set; }

    public long OwningUnitId { get; private set; }
    public long OwnerId { get; private set; }
    public long? ServiceUnitId { get; private set; }
    public bool IsArchived { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long CreatedById { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long UpdatedById { get; private set; }
    public int Version { get; private set; }
    public long ChangeSeq { get; private set; }

    public void StampChange(long sequence) => ChangeSeq = sequence;

    public IReadOnlyCollection<CustomerCoServer> CoServers => _coServers;
    public IReadOnlyCollection<CustomerTag> Tags => _tags;
    public IReadOnlyCollection<KeyPerson> KeyPersons => _keyPersons;
    public IReadOnlyCollection<CustomerSearchTerm> SearchTerms => _searchTerms;

    /// <summary>Only the entries recorded in this unit of work; the full history is queried, not loaded.</summary>
    public IReadOnlyCollection<CustomerHistoryEntry> History => _history;

    public CustomerDetails Details => new(Name, CreditCode, EnterpriseNature, SupervisingUnit, Industry, RegisteredCapital,
        TotalAssets, FoundedOn, Address, Region, Category, Grade, Status, RiskFlags, FirstContactOn, CooperationStartOn);

    /// <summary>Applies new details and returns what changed, field by field, for the history.</summary>
    public IReadOnlyList<FieldChange> Update(CustomerDetails details, DateTimeOffset at, long byStaffId)
    {
        var changes = Diff(Details, details);
        if (changes.Count == 0)
            return changes;
        var nameChanged = Name != details.Name;
        Apply(details);
        if (nameChanged)
            RebuildSearchTerms();
        Touch(at, byStaffId);
        return changes;
    }

    public IReadOnlyList<FieldChange> AssignOwnership(long owningUnitId, long ownerId, long? serviceUnitId, DateTimeOffset at, long byStaffId)
    {
        var changes = new List<FieldChange>();
        AddIfChanged(changes, "owningUnitId", OwningUnitId, owningUnitId);
        AddIfChanged(changes, "ownerId", OwnerId, ownerId);
        AddIfChanged(changes, "serviceUnitId", ServiceUnitId, serviceUnitId);
        if (changes.Count == 0)
            return changes;
        OwningUnitId = owningUnitId;
        OwnerId = ownerId;
        ServiceUnitId = serviceUnitId;
        // The owner is never also a co-server.
        _coServers.RemoveAll(c => c.StaffId == ownerId);
        Touch(at, byStaffId);
        return changes;
    }

    public IReadOnlyList<FieldChange> SetCoServers(IReadOnlyCollection<long> staffIds, DateTimeOffset at, long byStaffId)
    {
        var current = _coServers.Select(c => c.StaffId).Order().ToList();
        var wanted = staffIds.Where(id => id != OwnerId).Distinct().Order().ToList();
        if (current.SequenceEqual(wanted))
            return [];
        _coServers.RemoveAll(c => !wanted.Contains(c.StaffId));
        foreach (var id in wanted.Except(current))
            _coServers.Add(new CustomerCoServer(Id, id));
        Touch(at, byStaffId);
        return [new FieldChange("coServerIds", string.Join(",", current), string.Join(",", wanted))];
    }

    public IReadOnlyList<FieldChange> SetTags(IReadOnlyCollection<string> tags, DateTimeOffset at, long byStaffId)
    {
        var current = _tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList();
        var wanted = NormalizeTags(tags);
        if (current.SequenceEqual(wanted))
            return [];
        _tags.RemoveAll(t => !wanted.Contains(t.Tag));
        foreach (var tag in wanted.Except(current))
            _tags.Add(new CustomerTag(Id, tag));
        Touch(at, byStaffId);
        return [new FieldChange("tags", string.Join(",", current), string.Join(",", wanted))];
    }

    private static List<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Sets the grade outside the archive form: from an approved rating (clears an override) or a person's override.
    /// Returns the history entries (the grade, and the override mark when it flips).
    /// </summary>
    public IReadOnlyList<FieldChange> ChangeGrade(string grade, bool overridden, DateTimeOffset at, long byStaffId)
    {
        var changes = new List<FieldChange>();
        AddIfChanged(changes, "grade", Grade, grade);
        AddIfChanged(changes, "gradeOverridden", GradeOverridden, overridden);
        if (changes.Count == 0)
            return changes;
        Grade = grade;
        GradeOverridden = overridden;
        Touch(at, byStaffId);
        return changes;
    }

    /// <summary>Sets the external key; returns the change for the history, or null when it is the same.</summary>
    public FieldChange? SetExternalId(string? externalId, DateTimeOffset at, long byStaffId)
    {
        var wanted = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
        if (wanted == ExternalId)
            return null;
        var change = new FieldChange("externalId", ExternalId, wanted);
        ExternalId = wanted;
        Touch(at, byStaffId);
        return change;
    }

    public FieldChange Archive(DateTimeOffset at, long byStaffId)
    {
        if (IsArchived)
            throw new InvalidOperationException("The customer is already archived.");
        IsArchived = true;
        ArchivedAt = at;
        Touch(at, byStaffId);
        return new FieldChange("archived", "false", "true");
    }

    public FieldChange Restore(DateTimeOffset at, long byStaffId)
    {
        if (!IsArchived)
            throw new InvalidOperationException("The customer is not archived.");
        IsArchived = false;
        ArchivedAt = null;
        Touch(at, byStaffId);
        return new FieldChange("archived", "true", "false");
    }

    /// <summary>Records one change set (one request's changes) in the archive's history.</summary>
    public void RecordHistory(HistoryAction action, IReadOnlyList<FieldChange> changes, DateTimeOffset at, long byStaffId)
    {
        var changeSetId = Guid.NewGuid();
        foreach (var change in changes)
            _history.Add(new CustomerHistoryEntry(Id, changeSetId, action, change, at, byStaffId));
    }

    public void RemoveKeyPerson(KeyPerson person, DateTimeOffset at, long byStaffId)
    {
        _keyPersons.Remove(person);
        Touch(at, byStaffId);
    }

    public KeyPerson AddKeyPerson(KeyPersonDetails details, DateTimeOffset at, long byStaffId)
    {
        var person = new KeyPerson(this, details);
        _keyPersons.Add(person);
        Touch(at, byStaffId);
        return person;
    }

    /// <summary>Every change to the archive, nested resources included, moves the archive's version.</summary>
    public void Touch(DateTimeOffset at, long byStaffId)
    {
        UpdatedAt = at;
        UpdatedById = byStaffId;
        Version++;
    }

    private void Apply(CustomerDetails d)
    {
        Name = d.Name.Trim();
        CreditCode = UnifiedSocialCreditCode.Normalize(d.CreditCode);
        EnterpriseNature = d.EnterpriseNature;
        SupervisingUnit = d.SupervisingUnit;
        Industry = d.Industry;
        RegisteredCapital = d.RegisteredCapital;
        TotalAssets = d.TotalAssets;
        FoundedOn = d.FoundedOn;
        Address = d.Address;
        Region = d.Region;
        Category = d.Category;
        Grade = d.Grade;
        Status = d.Status;
        RiskFlags = d.RiskFlags;
        FirstContactOn = d.FirstContactOn;
        CooperationStartOn = d.CooperationStartOn;
    }

    private void RebuildSearchTerms()
    {
        var terms = Domain.Customers.SearchTerms.ForName(Name);
        _searchTerms.RemoveAll(t => !terms.Contains(t.Term));
        foreach (var term in terms.Except(_searchTerms.Select(t => t.Term)).ToList())
            _searchTerms.Add(new CustomerSearchTerm(Id, term));
    }

    private static List<FieldChange> Diff(CustomerDetails before, CustomerDetails after)
    {
        var changes = new List<FieldChange>();
        AddIfChanged(changes, "name", before.Name, after.Name.Trim());
        AddIfChanged(changes, "creditCode", before.CreditCode, UnifiedSocialCreditCode.Normalize(after.CreditCode));
        AddIfChanged(changes, "enterpriseNature", before.EnterpriseNature, after.EnterpriseNature);
        AddIfChanged(changes, "supervisingUnit", before.SupervisingUnit, after.SupervisingUnit);
        AddIfChanged(changes, "industry", before.Industry, after.Industry);
        AddIfChanged(changes, "registeredCapital", before.RegisteredCapital, after.RegisteredCapital);
        AddIfChanged(changes, "totalAssets", before.TotalAssets, after.TotalAssets);
        AddIfChanged(changes, "foundedOn", before.FoundedOn, after.FoundedOn);
        AddIfChanged(changes, "address", before.Address, after.Address);
        AddIfChanged(changes, "region", before.Region, after.Region);
        AddIfChanged(changes, "category", before.Category, after.Category);
        AddIfChanged(changes, "grade", before.Grade, after.Grade);
        AddIfChanged(changes, "status", before.Status, after.Status);
        AddIfChanged(changes, "riskFlags", before.RiskFlags, after.RiskFlags);
        AddIfChanged(changes, "firstContactOn", before.FirstContactOn, after.FirstContactOn);
        AddIfChanged(changes, "cooperationStartOn", before.CooperationStartOn, after.CooperationStartOn);
        return changes;
    }

    internal static void AddIfChanged<T>(List<FieldChange> changes, string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
            changes.Add(new FieldChange(field, Format(before), Format(after)));
    }

    private static string? Format<T>(T value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        RiskFlags flags => string.Join(",", flags.Split()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public sealed class CustomerCoServer
{
    private CustomerCoServer() { }

    public CustomerCoServer(long customerId, long staffId)
    {
        CustomerId = customerId;
        StaffId = staffId;
    }

    public long CustomerId { get; private set; }
    public long StaffId { get; private set; }
}

public sealed class CustomerTag
{
    private CustomerTag() { }

    public CustomerTag(long customerId, string tag)
    {
        CustomerId = customerId;
        Tag = tag;
    }

    public long CustomerId { get; private set; }
    public string Tag { get; private set; } = "";
}

public sealed class CustomerSearchTerm
{
    private CustomerSearchTerm() { }

    public CustomerSearchTerm(long customerId, string term)
    {
        CustomerId = customerId;
        Term = term;
    }

    public long CustomerId { get; private set; }
    public string Term { get; private set; } = "";
}
