using Crm.Api.Domain.Customers;

namespace Crm.Api.Features.Customers;

/// <summary>A person referred to by id and name.</summary>
public sealed record StaffRef(long Id, string Name);

/// <summary>One row of the customer list.</summary>
public sealed record CustomerListItem(
    long Id,
    string Code,
    string Name,
    string CreditCode,
    string? Grade,
    CustomerStatus Status,
    CustomerCategory Category,
    string? Region,
    long OwningUnitId,
    string OwningUnitName,
    long OwnerId,
    string OwnerName,
    bool Archived,
    DateTimeOffset UpdatedAt);

/// <summary>A customer archive (客户档案). Its <see cref="Version"/> is also sent as the ETag.</summary>
/// <param name="ExternalId">The customer's key in another system, set by imports; null when none.</param>
public sealed record CustomerDetail(
    long Id,
    string Code,
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
    IReadOnlyList<RiskFlags> RiskFlags,
    DateOnly? FirstContactOn,
    DateOnly? CooperationStartOn,
    long OwningUnitId,
    string OwningUnitName,
    StaffRef Owner,
    long? ServiceUnitId,
    string? ServiceUnitName,
    IReadOnlyList<StaffRef> CoServers,
    IReadOnlyList<string> Tags,
    int KeyPersonCount,
    bool Archived,
    DateTimeOffset? ArchivedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    string? ExternalId);

/// <summary>A key person of a customer (客户关键人员). Its <see cref="Version"/> is also sent as the ETag.</summary>
public sealed record KeyPersonDto(
    long Id,
    long CustomerId,
    string Name,
    string? Title,
    KeyPersonLevel Level,
    string? Phone,
    string? Email,
    DateOnly? Birthday,
    string? Anniversaries,
    string? Personality,
    string? Interests,
    string? Education,
    int? Age,
    string? Family,
    int Version)
{
    /// <summary>True when the caller lacks customers.readSensitive for this customer: contacts are masked, personal facts omitted.</summary>
    public bool Masked { get; init; }
}

/// <summary>One field's change in the archive's history; entries of one request share a change set.</summary>
public sealed record CustomerHistoryDto(
    long Id,
    Guid ChangeSetId,
    HistoryAction Action,
    string Field,
    string? OldValue,
    string? NewValue,
    DateTimeOffset At,
    StaffRef By);
