using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Crm.Api.Common.Paging;
using Crm.Api.Domain.Customers;
using Crm.Api.Features.Facts;
using FluentValidation;

namespace Crm.Api.Features.Sync;

/// <summary>
/// Where a mirror stopped: the change sequence of the last record it received, opaque to clients (base64url of
/// "v1:n") so that its form can change without breaking them.
/// </summary>
public static class SyncCursor
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1_000;

    public static string Encode(long sequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes("v1:" + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long sequence)
    {
        sequence = 0;
        if (string.IsNullOrEmpty(cursor))
            return true;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith("v1:", StringComparison.Ordinal)
                   && long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>The parameters every sync feed takes.</summary>
public interface ISyncRequest
{
    string? Cursor { get; }
    DateTimeOffset? UpdatedSince { get; }
    int Limit { get; }
}

public sealed class SyncRequestRules<T> : AbstractValidator<T> where T : ISyncRequest
{
    public SyncRequestRules()
    {
        RuleFor(q => q.Cursor).Must(c => SyncCursor.TryDecode(c, out _)).WithMessage("cursor 无效：请使用上一页返回的 nextCursor。");
        RuleFor(q => q.Limit).InclusiveBetween(1, SyncCursor.MaxLimit);
    }
}

/// <param name="NextCursor">Pass it as <c>cursor</c> to continue; the same value again later returns what changed since.</param>
/// <param name="HasMore">More records are waiting now; otherwise poll later with <paramref name="NextCursor"/>.</param>
public sealed record SyncPage<T>(IReadOnlyList<T> Items, string NextCursor, bool HasMore);

/// <summary>
/// A customer as a mirror keeps it. An archived customer comes as a tombstone: <c>deleted</c> true with its id, code,
/// archive time and sequence only.
/// </summary>
public sealed record SyncCustomer(
    long Id,
    string Code,
    bool Deleted,
    long ChangeSeq,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt,
    int? Version,
    string? Name,
    string? CreditCode,
    EnterpriseNature? EnterpriseNature,
    string? Industry,
    string? Address,
    string? Region,
    CustomerCategory? Category,
    string? Grade,
    bool? GradeOverridden,
    CustomerStatus? Status,
    DateOnly? FirstContactOn,
    DateOnly? CooperationStartOn,
    long? OwningUnitId,
    long? OwnerId,
    long? ServiceUnitId);

public sealed record SyncFact(long CustomerId, long ChangeSeq, FactDto Fact);
