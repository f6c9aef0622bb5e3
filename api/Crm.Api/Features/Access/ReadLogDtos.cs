using Crm.Api.Domain.Access;

namespace Crm.Api.Features.Access;

/// <summary>One read of an archive. <paramref name="Right"/>: <c>scope:Own</c>, <c>scope:UnitSubtree</c>, <c>scope:All</c> or
/// <c>grant:{id}</c>; <paramref name="Client"/>: <c>ip=…; ua=…</c>.</summary>
public sealed record ReadLogEntryDto(
    long Id,
    DateTimeOffset At,
    long StaffId,
    string StaffName,
    long CustomerId,
    string CustomerName,
    ReadAction Action,
    string Right,
    string Client,
    string Hash);

/// <summary>The outcome of checking the whole chain. <paramref name="FirstBrokenEntryId"/> is the first entry whose
/// link does not hold (edited, reordered, or following a deleted entry); null when intact.</summary>
public sealed record ReadLogVerification(bool Intact, long EntriesChecked, long? FirstBrokenEntryId);
