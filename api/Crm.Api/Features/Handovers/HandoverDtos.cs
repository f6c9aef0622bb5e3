using Crm.Api.Domain.Customers;
using Crm.Api.Features.Customers;

namespace Crm.Api.Features.Handovers;

/// <summary>A handover record (客户交接记录) in a list.</summary>
public sealed record HandoverListItem(
    long Id,
    StaffRef From,
    StaffRef To,
    DateTimeOffset At,
    StaffRef By,
    string Reason,
    bool DisableLeaver,
    int CustomerCount,
    int CoServedCount);

/// <summary>One customer of a handover. <see cref="Code"/> and <see cref="Name"/> are given only for customers the
/// caller can see today; others are listed by id alone.</summary>
public sealed record HandoverItemDto(
    long CustomerId,
    string? Code,
    string? Name,
    HandoverRole Role,
    long PreviousOwningUnitId,
    long PreviousOwnerId,
    long NewOwningUnitId,
    long NewOwnerId);

/// <summary>A handover record with its customers. <see cref="CustomerCount"/> customers changed owner;
/// on <see cref="CoServedCount"/> more the successor replaced the leaver as co-server.</summary>
public sealed record HandoverDetail(
    long Id,
    StaffRef From,
    StaffRef To,
    DateTimeOffset At,
    StaffRef By,
    string Reason,
    bool DisableLeaver,
    int CustomerCount,
    int CoServedCount,
    IReadOnlyList<HandoverItemDto> Items);

/// <summary>What a person holds, as far as the caller can see: for the handover wizard.</summary>
/// <param name="Owned">Current (not archived) customers they own.</param>
/// <param name="CoServed">Customers they co-serve, archived ones included.</param>
/// <param name="Archived">Archived customers they own (handed over with the rest).</param>
public sealed record StaffCustomerSummary(int Owned, int CoServed, int Archived);
