using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Api.Domain.Access;

/// <summary>The hash chain of the read log: each entry's hash covers its fields and the previous entry's hash, so
/// editing, deleting or reordering an entry breaks the chain at that point.</summary>
public static class ReadLogChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static string ComputeHash(ReadLogEntry e) =>
        ComputeHash(e.Id, e.At, e.StaffId, e.CustomerId, e.Action, e.Right, e.Client, e.PreviousHash);

    /// <summary>SHA-256 (lower-case hex) over a canonical serialisation: a version tag, then every field as
    /// <c>length:value</c>, so no two different entries serialise alike whatever their strings contain.</summary>
    public static string ComputeHash(long id, DateTimeOffset at, long staffId, long customerId, ReadAction action, string right, string client, string previousHash)
    {
        var text = new StringBuilder("crm.readlog.v1");
        foreach (var field in (ReadOnlySpan<string>)[
                     id.ToString(CultureInfo.InvariantCulture),
                     at.UtcTicks.ToString(CultureInfo.InvariantCulture),
                     staffId.ToString(CultureInfo.InvariantCulture),
                     customerId.ToString(CultureInfo.InvariantCulture),
                     action.ToString(),
                     right,
                     client,
                     previousHash,
                 ])
            text.Append('|').Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The id of the first entry that breaks the chain, or null when the chain is intact. Entries are taken
    /// in the order given, which must be id order.</summary>
    public static long? Verify(IEnumerable<ReadLogEntry> entries)
    {
        var verifier = new ReadLogVerifier();
        foreach (var entry in entries)
        {
            if (!verifier.Accept(entry))
                return verifier.FirstBrokenEntryId;
        }
        return null;
    }
}

/// <summary>Checks a chain entry by entry, so a long chain can be streamed through it page by page.</summary>
public sealed class ReadLogVerifier
{
    private long _expectedId = 1;
    private string _expectedPreviousHash = ReadLogChain.GenesisHash;

    public long EntriesChecked { get; private set; }
    public long? FirstBrokenEntryId { get; private set; }
    public bool IsIntact => FirstBrokenEntryId is null;

    /// <summary>The id and hash of the last entry accepted (0 and the genesis hash before any).</summary>
    public long LastEntryId => _expectedId - 1;

    public string LastHash => _expectedPreviousHash;

    /// <summary>False (and remembers the entry) at the first entry that does not continue the chain.</summary>
    public bool Accept(ReadLogEntry entry)
    {
        if (!IsIntact)
            return false;
        EntriesChecked++;
        // A missing id (deleted entry) is reported at the entry that follows the gap, where the link breaks.
        if (entry.Id != _expectedId || entry.PreviousHash != _expectedPreviousHash || entry.Hash != ReadLogChain.ComputeHash(entry))
        {
            FirstBrokenEntryId = entry.Id;
            return false;
        }
        _expectedId = entry.Id + 1;
        _expectedPreviousHash = entry.Hash;
        return true;
    }

    /// <summary>Compares the end of the chain with the recorded head: entries removed from the end leave no gap
    /// in the chain itself, only a head that points past it. False reports the first missing id.</summary>
    public bool AcceptEnd(long headLastEntryId, string headLastHash)
    {
        if (!IsIntact)
            return false;
        if (headLastEntryId == LastEntryId && headLastHash == LastHash)
            return true;
        FirstBrokenEntryId = headLastEntryId > LastEntryId ? LastEntryId + 1 : LastEntryId;
        return false;
    }
}
