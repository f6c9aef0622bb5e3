using Crm.Api.Domain.Access;

namespace Crm.Api.UnitTests;

public sealed class ReadLogChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static List<ReadLogEntry> Chain(int length)
    {
        var head = (ReadLogHead)Activator.CreateInstance(typeof(ReadLogHead), nonPublic: true)!;
        return head.Append(Enumerable.Range(1, length).Select(i =>
            new ReadLogDraft(Start.AddSeconds(i), 10 + i % 3, 100 + i, (ReadAction)(i % 4), "scope:Own", $"ip=10.0.0.{i}; ua=test"))).ToList();
    }

    [Fact]
    public void An_intact_chain_verifies()
    {
        var chain = Chain(6);

        ReadLogChain.Verify(chain).ShouldBeNull();
        chain[0].PreviousHash.ShouldBe(ReadLogChain.GenesisHash);
        chain.Select(e => e.Id).ShouldBe([1, 2, 3, 4, 5, 6]);
        chain.Skip(1).Zip(chain).ShouldAllBe(pair => pair.First.PreviousHash == pair.Second.Hash);
    }

    [Fact]
    public void An_empty_chain_verifies() => ReadLogChain.Verify([]).ShouldBeNull();

    [Fact]
    public void The_genesis_hash_is_64_zeros() => ReadLogChain.GenesisHash.ShouldBe(new string('0', 64));

    [Theory]
    [InlineData(nameof(ReadLogEntry.At))]
    [InlineData(nameof(ReadLogEntry.StaffId))]
    [InlineData(nameof(ReadLogEntry.CustomerId))]
    [InlineData(nameof(ReadLogEntry.Action))]
    [InlineData(nameof(ReadLogEntry.Right))]
    [InlineData(nameof(ReadLogEntry.Client))]
    [InlineData(nameof(ReadLogEntry.PreviousHash))]
    [InlineData(nameof(ReadLogEntry.Hash))]
    public void Editing_any_field_of_a_middle_entry_reports_that_entry(string field)
    {
        var chain = Chain(6);
        var middle = chain[2];
        object changed = field switch
        {
            nameof(ReadLogEntry.At) => middle.At.AddTicks(1),
            nameof(ReadLogEntry.StaffId) => middle.StaffId + 1,
            nameof(ReadLogEntry.CustomerId) => middle.CustomerId + 1,
            nameof(ReadLogEntry.Action) => ReadAction.Export,
            nameof(ReadLogEntry.Right) => "scope:All",
            nameof(ReadLogEntry.Client) => "ip=10.9.9.9; ua=forged",
            nameof(ReadLogEntry.PreviousHash) => ReadLogChain.GenesisHash,
            _ => new string('f', 64),
        };
        middle.With(field, changed);

        ReadLogChain.Verify(chain).ShouldBe(3);
    }

    [Fact]
    public void Changing_a_middle_entry_id_is_reported()
    {
        var chain = Chain(6);
        chain[2].WithId(30);

        ReadLogChain.Verify(chain).ShouldBe(30);
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_breaks_the_link_to_the_next_entry()
    {
        var chain = Chain(6);
        var middle = chain[2].With(nameof(ReadLogEntry.Right), "scope:All");
        middle.With(nameof(ReadLogEntry.Hash), ReadLogChain.ComputeHash(middle));

        ReadLogChain.Verify(chain).ShouldBe(4);
    }

    [Fact]
    public void Deleting_a_middle_entry_reports_the_entry_after_the_gap()
    {
        var chain = Chain(6);
        chain.RemoveAt(2);

        ReadLogChain.Verify(chain).ShouldBe(4);
    }

    [Fact]
    public void Deleting_the_first_entry_reports_the_new_first()
    {
        var chain = Chain(4);
        chain.RemoveAt(0);

        ReadLogChain.Verify(chain).ShouldBe(2);
    }

    [Fact]
    public void Reordering_two_entries_reports_the_first_out_of_place()
    {
        var chain = Chain(6);
        (chain[2], chain[3]) = (chain[3], chain[2]);

        ReadLogChain.Verify(chain).ShouldBe(4);
    }

    [Fact]
    public void Only_the_first_break_is_reported()
    {
        var chain = Chain(8);
        chain[5].With(nameof(ReadLogEntry.Right), "scope:All");
        chain[2].With(nameof(ReadLogEntry.Client), "ip=forged");

        ReadLogChain.Verify(chain).ShouldBe(3);
    }

    [Fact]
    public void Entries_cut_from_the_end_show_against_the_head()
    {
        var chain = Chain(6);
        var verifier = new ReadLogVerifier();
        foreach (var entry in chain.Take(4))
            verifier.Accept(entry).ShouldBeTrue();

        verifier.AcceptEnd(chain[^1].Id, chain[^1].Hash).ShouldBeFalse();
        verifier.FirstBrokenEntryId.ShouldBe(5);
        verifier.EntriesChecked.ShouldBe(4);
    }

    [Fact]
    public void A_whole_chain_matching_its_head_is_intact()
    {
        var verifier = new ReadLogVerifier();
        var chain = Chain(3);
        chain.ForEach(e => verifier.Accept(e));

        verifier.AcceptEnd(3, chain[^1].Hash).ShouldBeTrue();
        verifier.IsIntact.ShouldBeTrue();
        new ReadLogVerifier().AcceptEnd(0, ReadLogChain.GenesisHash).ShouldBeTrue();
    }

    [Fact]
    public void The_serialisation_keeps_field_boundaries()
    {
        var a = ReadLogChain.ComputeHash(1, Start, 2, 3, ReadAction.Detail, "scope:Own", "ip=1|5:x", ReadLogChain.GenesisHash);
        var b = ReadLogChain.ComputeHash(1, Start, 2, 3, ReadAction.Detail, "scope:Own|8:ip=1", "x", ReadLogChain.GenesisHash);
        var c = ReadLogChain.ComputeHash(12, Start, 3, 3, ReadAction.Detail, "scope:Own", "x", ReadLogChain.GenesisHash);
        var d = ReadLogChain.ComputeHash(1, Start, 23, 3, ReadAction.Detail, "scope:Own", "x", ReadLogChain.GenesisHash);

        new[] { a, b, c, d }.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void The_hash_depends_on_the_instant_not_its_offset()
    {
        var utc = ReadLogChain.ComputeHash(1, Start, 2, 3, ReadAction.Detail, "scope:Own", "x", ReadLogChain.GenesisHash);
        var shanghai = ReadLogChain.ComputeHash(1, Start.ToOffset(TimeSpan.FromHours(8)), 2, 3, ReadAction.Detail, "scope:Own", "x", ReadLogChain.GenesisHash);

        shanghai.ShouldBe(utc);
    }

    [Fact]
    public void The_canonical_form_is_fixed()
    {
        // A stored chain must verify with every later build, so this value may never change. Independently computed as
        // SHA-256 of "crm.readlog.v1|1:1|18:639310176000000000|1:2|1:3|7:History|9:scope:All|23:ip=127.0.0.1; ua=curl/8|64:000…0".
        ReadLogChain.ComputeHash(1, Start, 2, 3, ReadAction.History, "scope:All", "ip=127.0.0.1; ua=curl/8", ReadLogChain.GenesisHash)
            .ShouldBe("7e356619d7d5ee8e8af1508854aa4e9b62b4f476b6df8d1f8f4a912289dc1e8f");
    }

    [Fact]
    public void Long_client_descriptions_are_cut_to_300_characters()
    {
        var entry = new ReadLogEntry(1, Start, 2, 3, ReadAction.Detail, "scope:Own", new string('x', 500), ReadLogChain.GenesisHash);

        entry.Client.Length.ShouldBe(ReadLogEntry.ClientMaxLength);
        entry.Hash.ShouldBe(ReadLogChain.ComputeHash(entry));
    }
}
