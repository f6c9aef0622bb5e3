namespace Crm.Api.Data;

/// <summary>The one row that numbers every change to a synced record (customers, business facts), in commit order.</summary>
public sealed class SyncSequence
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}
