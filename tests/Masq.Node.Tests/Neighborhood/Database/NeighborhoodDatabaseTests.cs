using System.Net;
using Masq.Lib.Neighborhood;
using Masq.Node.Tests.Neighborhood.Gossip;

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
