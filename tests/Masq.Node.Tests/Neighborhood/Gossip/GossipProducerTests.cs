using Masq.Node.Neighborhood.Gossip;
using Microsoft.Extensions.Time.Testing;
using static Masq.Node.Tests.Neighborhood.Gossip.GossipTestSetup;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>Producing gossip and hiding IPs (neighborhood.md §3.5).</summary>
public sealed class GossipProducerTests
{
    private readonly GossipTestNode _root = GossipTestNode.Create(0);
    private readonly GossipProducer _producer;

    public GossipProducerTests()
    {
        _producer = new GossipProducer(_root.Time);
    }

    private FakeTimeProvider Clock => (FakeTimeProvider)_root.Time;

    [Fact]
    public void Standard_gossip_holds_every_referenced_record_but_the_targets_and_reveals_only_allowed_addresses()
    {
        var target = GossipTestNode.Create(1, _root.Time);
        var listedByTarget = GossipTestNode.Create(2, _root.Time);
        var notListed = GossipTestNode.Create(3, _root.Time);
        var consumer = GossipTestNode.Create(4, _root.Time, acceptsConnections: false);
        AddFullNeighbor(_root, listedByTarget);
        AddFullNeighbor(_root, notListed);
        AddFullNeighbor(_root, consumer);
        _root.Db.Add(target.StoredRecord([_root.Key, listedByTarget.Key, consumer.Key], 1));
        _root.Db.AddRootNeighbor(target.Key);

        var gossip = _producer.Produce(_root.Db, target.Key)!;

        var byKey = gossip.NodeRecords.ToDictionary(StandardHandlerTests.KeyOf);
        Assert.Equal(4, byKey.Count);
        Assert.DoesNotContain(target.Key, byKey.Keys);
        Assert.Equal(_root.Address, byKey[_root.Key].NodeAddr);
        Assert.Equal(listedByTarget.Address, byKey[listedByTarget.Key].NodeAddr);
        Assert.Null(byKey[notListed.Key].NodeAddr);
        Assert.Null(byKey[consumer.Key].NodeAddr);
        Assert.True(byKey[_root.Key].Record.HasSameBytes(_root.Db.Root.Signed));
    }

    [Fact]
    public void Unreferenced_records_are_not_gossiped()
    {
        var target = GossipTestNode.Create(1, _root.Time);
        var loner = GossipTestNode.Create(2, _root.Time);
        AddFullNeighbor(_root, target);
        _root.Db.Add(loner.StoredRecord([], 0));

        var gossip = _producer.Produce(_root.Db, target.Key)!;

        Assert.Equal([_root.Key], gossip.NodeRecords.Select(StandardHandlerTests.KeyOf));
    }

    [Fact]
    public void Nothing_to_say_is_null()
    {
        Assert.Null(_producer.Produce(_root.Db, _root.Key));
    }

    [Fact]
    public void Debut_is_the_root_alone_with_its_address_only_when_accepting()
    {
        var debut = Assert.Single(_producer.ProduceDebut(_root.Db).NodeRecords);
        Assert.Equal(_root.Address, debut.NodeAddr);
        Assert.True(debut.Record.HasSameBytes(_root.Db.Root.Signed));

        var consumer = GossipTestNode.Create(1, acceptsConnections: false);
        Assert.Null(Assert.Single(new GossipProducer(consumer.Time).ProduceDebut(consumer.Db).NodeRecords).NodeAddr);
    }

    [Fact]
    public void Gossip_targets_are_the_roots_half_neighbors()
    {
        var full = GossipTestNode.Create(1, _root.Time);
        var half = GossipTestNode.Create(2, _root.Time);
        var stranger = GossipTestNode.Create(3, _root.Time);
        AddFullNeighbor(_root, full);
        AddStalledNeighbor(_root, half);
        _root.Db.Add(stranger.StoredRecord([_root.Key], 1));

        Assert.Equal(
            new[] { full.Key, half.Key }.Select(k => k.ToString()).Order(),
            _producer.GossipTargets(_root.Db).Select(k => k.ToString()).Order());
    }

    [Fact]
    public void Culling_removes_old_unreferenced_records_at_most_once_a_minute()
    {
        var target = GossipTestNode.Create(1, _root.Time);
        AddFullNeighbor(_root, target);
        var old = GossipTestNode.Create(2, _root.Time);
        _root.Db.Add(old.StoredRecord([], 0));
        Clock.Advance(TimeSpan.FromSeconds(29));
        var young = GossipTestNode.Create(3, _root.Time);
        _root.Db.Add(young.StoredRecord([], 0));
        Clock.Advance(TimeSpan.FromSeconds(1));

        _producer.Produce(_root.Db, target.Key);

        Assert.False(_root.Db.Contains(old.Key));
        Assert.True(_root.Db.Contains(young.Key));
        Assert.True(_root.Db.Contains(target.Key));

        // 59 s later the young record is old enough, but the next cull is not due yet.
        Clock.Advance(TimeSpan.FromSeconds(59));
        _producer.Produce(_root.Db, target.Key);
        Assert.True(_root.Db.Contains(young.Key));
        Clock.Advance(TimeSpan.FromSeconds(1));
        _producer.Produce(_root.Db, target.Key);
        Assert.False(_root.Db.Contains(young.Key));
        Assert.True(_root.Db.Contains(_root.Key));
    }
}
