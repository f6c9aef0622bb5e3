namespace Crm.Api.Domain.Access;

/// <summary>How an archive was read. Stored and hashed by name, so members may be added in any place.</summary>
public enum ReadAction
{
    Detail,
    KeyPersons,
    KeyPerson,
    History,
    Activities,
    Export,
    Facts,

    /// <summary>A grade evaluation, which shows the customer's aggregated facts.</summary>
    Evaluation,

    /// <summary>Mirrored by an integration through the incremental sync.</summary>
    Sync,
}

/// <summary>
/// One read of a customer archive (查阅日志): who, when, which customer, through which right, from which client.
/// Append-only: nothing changes an entry once made, and each entry carries the hash of the one before it.
/// </summary>
public sealed class ReadLogEntry
{
    public const int RightMaxLength = 100;
    public const int ClientMaxLength = 300;

    private ReadLogEntry() { }

    /// <param name="id">The next number of the chain; ids have no gaps, so a deleted entry shows.</param>
    public ReadLogEntry(long id, DateTimeOffset at, long staffId, long customerId, ReadAction action, string right, string client, string previousHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        ArgumentException.ThrowIfNullOrEmpty(right);
        Id = id;
        At = at.ToUniversalTime();
        StaffId = staffId;
        CustomerId = customerId;
        Action = action;
        Right = Truncate(right, RightMaxLength);
        Client = Truncate(client, ClientMaxLength);
        PreviousHash = previousHash;
        Hash = ReadLogChain.ComputeHash(this);
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long StaffId { get; private set; }
    public long CustomerId { get; private set; }
    public ReadAction Action { get; private set; }

    /// <summary>The right the read went through: <c>scope:Own</c>, <c>scope:UnitSubtree</c>, <c>scope:All</c>, later <c>grant:{id}</c>.</summary>
    public string Right { get; private set; } = "";

    /// <summary><c>ip=…; ua=…</c>, at most <see cref="ClientMaxLength"/> characters.</summary>
    public string Client { get; private set; } = "";

    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>The head of the chain: the last entry's id and hash. One row (Id = 1); appending locks it first, so
/// several API instances on one database never interleave their entries.</summary>
public sealed class ReadLogHead
{
    public const long SingletonId = 1;

    private ReadLogHead() { }

    public long Id { get; private set; } = SingletonId;
    public long LastEntryId { get; private set; }
    public string LastHash { get; private set; } = ReadLogChain.GenesisHash;

    /// <summary>Builds the next entries of the chain from the drafts, in order, and moves the head past them.</summary>
    public IReadOnlyList<ReadLogEntry> Append(IEnumerable<ReadLogDraft> drafts)
    {
        var entries = new List<ReadLogEntry>();
        foreach (var d in drafts)
        {
            var entry = new ReadLogEntry(LastEntryId + 1, d.At, d.StaffId, d.CustomerId, d.Action, d.Right, d.Client, LastHash);
            entries.Add(entry);
            LastEntryId = entry.Id;
            LastHash = entry.Hash;
        }
        return entries;
    }
}

/// <summary>A read not yet given its place in the chain.</summary>
public sealed record ReadLogDraft(DateTimeOffset At, long StaffId, long CustomerId, ReadAction Action, string Right, string Client);
