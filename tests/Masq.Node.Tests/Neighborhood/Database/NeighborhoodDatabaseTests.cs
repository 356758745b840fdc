using System.Net;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Tests.Neighborhood.Gossip;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Neighborhood.Database;

/// <summary>The database rules gossip handling relies on (neighborhood.md §2, §3.3).</summary>
public sealed class NeighborhoodDatabaseTests
{
    private readonly GossipTestNode _root = GossipTestNode.Create(0);

    [Fact]
    public void Adding_and_removing_root_neighbors_bumps_and_re_signs()
    {
        var neighbor = GossipTestNode.Create(1, _root.Time);

        Assert.True(_root.Db.AddRootNeighbor(neighbor.Key));
        Assert.False(_root.Db.AddRootNeighbor(neighbor.Key));
        Assert.Equal(1u, _root.Db.Root.Version);
        Assert.True(_root.Db.Root.Signed.TryVerify(neighbor.Crypt, out var inner));
        Assert.Contains(neighbor.Key, inner.Neighbors);

        Assert.True(_root.Db.RemoveRootNeighbor(neighbor.Key));
        Assert.False(_root.Db.RemoveRootNeighbor(neighbor.Key));
        Assert.Equal(2u, _root.Db.Root.Version);
        Assert.True(_root.Db.Root.Signed.TryVerify(neighbor.Crypt, out inner));
        Assert.Empty(inner.Neighbors);
    }

    [Fact]
    public void Far_records_the_root_cannot_reach_age_out_unless_a_newer_version_arrives()
    {
        var time = (FakeTimeProvider)_root.Time;
        var neighbor = GossipTestNode.Create(1, time);
        var far = GossipTestNode.Create(2, time);
        var islandA = GossipTestNode.Create(3, time);
        var islandB = GossipTestNode.Create(4, time);
        var refreshed = GossipTestNode.Create(5, time);
        _root.Db.AddRootNeighbor(neighbor.Key);
        _root.Db.Add(neighbor.StoredRecord([_root.Key, far.Key], 1));
        _root.Db.Add(far.StoredRecord([neighbor.Key], 1));
        // Two Nodes that list each other, cut off from the root (their bridge died with nobody left to gossip it).
        _root.Db.Add(islandA.StoredRecord([islandB.Key], 1));
        _root.Db.Add(islandB.StoredRecord([islandA.Key, refreshed.Key], 1));
        _root.Db.Add(refreshed.StoredRecord([islandB.Key], 1));
        Assert.Empty(_root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge));

        time.Advance(NeighborhoodDatabase.StaleRecordAge - TimeSpan.FromMinutes(1));
        var newer = refreshed.Inner([islandB.Key], 2);
        _root.Db.Get(refreshed.Key)!.Replace(SignedNodeRecord.Create(refreshed.Crypt, newer), newer, time.GetUtcNow());
        Assert.Empty(_root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge));

        time.Advance(TimeSpan.FromMinutes(1));
        var dropped = _root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge);

        Assert.Equal([islandA.Key, islandB.Key], dropped.OrderBy(k => k == islandA.Key ? 0 : 1));
        Assert.True(_root.Db.Contains(refreshed.Key), "a newer version came within the age");
        Assert.True(_root.Db.Contains(neighbor.Key) && _root.Db.Contains(far.Key) && _root.Db.Contains(_root.Key), "the root, its neighbor and a Node it reaches stay, however old");

        time.Advance(NeighborhoodDatabase.StaleRecordAge);
        Assert.Equal([refreshed.Key], _root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge));
    }

    [Fact]
    public void A_far_record_ages_from_when_the_root_last_reached_it_not_from_its_version()
    {
        var time = (FakeTimeProvider)_root.Time;
        var neighbor = GossipTestNode.Create(1, time);
        var far = GossipTestNode.Create(2, time);
        _root.Db.AddRootNeighbor(neighbor.Key);
        _root.Db.Add(neighbor.StoredRecord([_root.Key, far.Key], 1));
        _root.Db.Add(far.StoredRecord([neighbor.Key], 1));

        // A stable mesh: nothing changes for hours, and the far Node stays because the root reaches it.
        time.Advance(TimeSpan.FromHours(3));
        Assert.Empty(_root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge));

        // The neighbor drops the link to it (a newer record); the far Node is unreachable from now on, and only now ages.
        var without = neighbor.Inner([_root.Key], 2);
        _root.Db.Get(neighbor.Key)!.Replace(SignedNodeRecord.Create(neighbor.Crypt, without), without, time.GetUtcNow());
        time.Advance(NeighborhoodDatabase.StaleRecordAge - TimeSpan.FromSeconds(1));
        Assert.Empty(_root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([far.Key], _root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge));
        Assert.True(_root.Db.Contains(neighbor.Key));
    }

    [Fact]
    public void A_half_neighbor_of_the_root_never_ages_out()
    {
        var time = (FakeTimeProvider)_root.Time;
        var listed = GossipTestNode.Create(1, time);
        var listing = GossipTestNode.Create(2, time);
        _root.Db.AddRootNeighbor(listed.Key);
        _root.Db.Add(listed.StoredRecord([], 0));
        _root.Db.Add(listing.StoredRecord([_root.Key], 1));

        time.Advance(TimeSpan.FromHours(2));

        Assert.Empty(_root.Db.DropStale(NeighborhoodDatabase.StaleRecordAge));
        Assert.Equal(3, _root.Db.Count);
    }

    [Fact]
    public void Root_cannot_list_itself_or_be_removed()
    {
        Assert.False(_root.Db.AddRootNeighbor(_root.Key));
        Assert.False(_root.Db.Remove(_root.Key));
        Assert.Equal(0u, _root.Db.Root.Version);
    }

    [Fact]
    public void Degree_counts_full_accepting_neighbors_and_unknown_keys_only()
    {
        var full = GossipTestNode.Create(1, _root.Time);
        var fullConsumer = GossipTestNode.Create(2, _root.Time, acceptsConnections: false);
        var stalled = GossipTestNode.Create(3, _root.Time);
        var unknown = GossipTestNode.Create(4, _root.Time);
        _root.Db.Add(full.StoredRecord([_root.Key], 1));
        _root.Db.Add(fullConsumer.StoredRecord([_root.Key], 1));
        _root.Db.Add(stalled.StoredRecord([], 0));
        foreach (var key in new[] { full.Key, fullConsumer.Key, stalled.Key, unknown.Key })
        {
            _root.Db.AddRootNeighbor(key);
        }

        // full (1) + unknown (1); the consumer and the stalled half neighbor use no slot.
        Assert.Equal(2, _root.Db.Degree(_root.Key));
        Assert.Equal(2, _root.Db.RootFullNeighborCount());
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, full.Key));
        Assert.False(_root.Db.HasFullNeighbor(_root.Key, stalled.Key));
        Assert.True(_root.Db.HasHalfNeighbor(_root.Key, stalled.Key));
        Assert.Equal(0, _root.Db.Degree(unknown.Key));
    }

    [Fact]
    public void Find_by_ip_finds_known_addresses_including_the_roots()
    {
        var other = GossipTestNode.Create(1, _root.Time);
        _root.Db.Add(other.StoredRecord([], 0));

        Assert.Same(_root.Db.Get(other.Key), _root.Db.FindByIp(other.Ip));
        Assert.Same(_root.Db.Root, _root.Db.FindByIp(_root.Ip));
        Assert.Null(_root.Db.FindByIp(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void Root_address_change_bumps_and_re_signs()
    {
        var moved = new NodeAddr(IPAddress.Parse("10.7.7.7"), [5000]);

        Assert.True(_root.Db.SetRootAddress(moved, "DE"));
        Assert.False(_root.Db.SetRootAddress(moved, "DE"));

        Assert.Equal(1u, _root.Db.Root.Version);
        Assert.Equal("DE", _root.Db.Root.CountryCode);
        Assert.Equal(moved, _root.Db.Root.Address);
    }
}
