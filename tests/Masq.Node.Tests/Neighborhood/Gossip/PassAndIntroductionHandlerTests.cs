using System.Net;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;
using Microsoft.Extensions.Time.Testing;
using static Masq.Node.Tests.Neighborhood.Gossip.GossipTestSetup;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>The Pass and Introduction handlers (neighborhood.md §3.3).</summary>
public sealed class PassAndIntroductionHandlerTests
{
    private readonly GossipTestNode _root = GossipTestNode.Create(0);
    private readonly GossipAcceptor _acceptor;

    public PassAndIntroductionHandlerTests()
    {
        _acceptor = new GossipAcceptor(_root.Crypt, _root.Time);
    }

    private FakeTimeProvider Clock => (FakeTimeProvider)_root.Time;

    [Fact]
    public void Pass_is_answered_with_our_debut_to_the_target()
    {
        var passer = GossipTestNode.Create(1, _root.Time);
        var target = GossipTestNode.Create(2, _root.Time);

        var handling = _acceptor.Handle(_root.Db, Msg(target.Record([passer.Key], 4)), passer.Socket);

        var reply = Assert.IsType<GossipOutcome.Reply>(handling.Outcome);
        Assert.Equal(target.Key, reply.Target);
        Assert.Equal(target.Address, reply.Address);
        var debut = Assert.Single(reply.Gossip.NodeRecords);
        Assert.True(debut.Record.HasSameBytes(_root.Db.Root.Signed));
        Assert.Equal(_root.Address, debut.NodeAddr);
        Assert.Equal([new PassGossipReceived(passer.Ip, target.Ip)], handling.Events);
        Assert.False(_root.Db.Contains(target.Key));
        Assert.Equal(0u, _root.Db.Root.Version);
    }

    [Fact]
    public void Second_pass_to_the_same_target_within_60_seconds_is_a_loop()
    {
        var passer = GossipTestNode.Create(1, _root.Time);
        var other = GossipTestNode.Create(3, _root.Time);
        var target = GossipTestNode.Create(2, _root.Time);
        _acceptor.Handle(_root.Db, Msg(target.Record([], 4)), passer.Socket);
        Clock.Advance(TimeSpan.FromSeconds(59));

        var loop = _acceptor.Handle(_root.Db, Msg(target.Record([], 4)), other.Socket);

        Assert.IsType<GossipOutcome.Ignored>(loop.Outcome);
        Assert.Equal([new PassLoopFound(other.Ip, target.Ip)], loop.Events);

        // The loop refreshed the memory; only 60 s of silence expire it.
        Clock.Advance(TimeSpan.FromSeconds(61));
        var fresh = _acceptor.Handle(_root.Db, Msg(target.Record([], 4)), passer.Socket);
        Assert.IsType<GossipOutcome.Reply>(fresh.Outcome);
        Assert.Equal([new PassGossipReceived(passer.Ip, target.Ip)], fresh.Events);
    }

    [Fact]
    public void Pass_to_the_current_peer_of_a_connection_attempt_is_a_loop()
    {
        var passer = GossipTestNode.Create(1, _root.Time);
        var target = GossipTestNode.Create(2, _root.Time);

        var handling = _acceptor.Handle(_root.Db, Msg(target.Record([], 4)), passer.Socket, isConnectionAttemptPeer: ip => ip.Equals(target.Ip));

        Assert.IsType<GossipOutcome.Ignored>(handling.Outcome);
        Assert.IsType<PassLoopFound>(Assert.Single(handling.Events));
    }

    [Fact]
    public void Pass_without_a_usable_address_is_a_ban()
    {
        var passer = GossipTestNode.Create(1, _root.Time);
        var target = GossipTestNode.Create(2, _root.Time);

        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(_root.Db, Msg(target.Record([], 4, revealAddress: false)), passer.Socket).Outcome);
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(_root.Db, Msg(target.Record([], 4, address: new NodeAddr(target.Ip, []))), passer.Socket).Outcome);
    }

    [Fact]
    public void Lone_addressless_record_of_a_known_node_is_standard_gossip_not_a_broken_pass()
    {
        // A consume-only neighbor's Standard gossip may hold only its own record, never with an address.
        var consumer = GossipTestNode.Create(1, _root.Time, acceptsConnections: false);
        var source = new IPEndPoint(consumer.Ip, 40001);
        _acceptor.Handle(_root.Db, Msg(consumer.Record([], 0, revealAddress: false)), source);

        var handling = _acceptor.Handle(_root.Db, Msg(consumer.Record([_root.Key], 1, revealAddress: false)), source);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, consumer.Key));
    }

    [Fact]
    public void Introduction_adds_the_introducer_and_debuts_to_the_introducee()
    {
        var introducer = GossipTestNode.Create(1, _root.Time);
        var introducee = GossipTestNode.Create(2, _root.Time);

        var handling = _acceptor.Handle(
            _root.Db, Msg(introducer.Record([_root.Key, introducee.Key], 2), introducee.Record([introducer.Key], 1)), introducer.Socket);

        var reply = Assert.IsType<GossipOutcome.Reply>(handling.Outcome);
        Assert.Equal(introducee.Key, reply.Target);
        Assert.Equal(introducee.Address, reply.Address);
        Assert.True(Assert.Single(reply.Gossip.NodeRecords).Record.HasSameBytes(_root.Db.Root.Signed));
        Assert.Equal([new IntroductionGossipReceived(introducer.Ip, introducee.Ip)], handling.Events);
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, introducer.Key));
        Assert.False(_root.Db.Contains(introducee.Key));
        Assert.Equal(1u, _root.Db.Root.Version);
    }

    [Fact]
    public void Introducer_may_come_second()
    {
        var introducer = GossipTestNode.Create(1, _root.Time);
        var introducee = GossipTestNode.Create(2, _root.Time);

        var handling = _acceptor.Handle(
            _root.Db, Msg(introducee.Record([introducer.Key], 1), introducer.Record([_root.Key, introducee.Key], 2)), introducer.Socket);

        Assert.Equal(introducee.Key, Assert.IsType<GossipOutcome.Reply>(handling.Outcome).Target);
    }

    [Fact]
    public void Malformed_introductions_are_bans()
    {
        var introducer = GossipTestNode.Create(1, _root.Time);
        var introducee = GossipTestNode.Create(2, _root.Time);
        var sameIp = new NodeAddr(introducer.Ip, [6000]);

        // Both at the source IP.
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(
            _root.Db, Msg(introducer.Record([], 2), introducee.Record([], 1, address: sameIp)), introducer.Socket).Outcome);

        // Neither at the source IP.
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(
            _root.Db, Msg(introducer.Record([], 2), introducee.Record([], 1)), GossipTestNode.Create(3).Socket).Outcome);

        // Portless introducer or introducee.
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(
            _root.Db, Msg(introducer.Record([], 2, address: new NodeAddr(introducer.Ip, [])), introducee.Record([], 1)), introducer.Socket).Outcome);
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(
            _root.Db, Msg(introducer.Record([], 2), introducee.Record([], 1, address: new NodeAddr(introducee.Ip, []))), introducer.Socket).Outcome);

        // Introducer with our IP (arriving from our own IP, as a reflected connection would).
        var ours = new NodeAddr(_root.Ip, [7000]);
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(
            _root.Db, Msg(introducer.Record([], 2, address: ours), introducee.Record([], 1)), new IPEndPoint(_root.Ip, 7000)).Outcome);

        // Introducer with our key.
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(
            _root.Db, Msg(_root.Record([], 9), introducee.Record([], 1)), _root.Socket).Outcome);

        Assert.Equal(1, _root.Db.Count);
    }

    [Fact]
    public void Introduction_of_a_known_introducee_is_handled_as_standard_gossip()
    {
        var introducer = GossipTestNode.Create(1, _root.Time);
        var introducee = GossipTestNode.Create(2, _root.Time);
        AddFullNeighbor(_root, introducer);
        _root.Db.Add(introducee.StoredRecord([introducer.Key], 1));

        var handling = _acceptor.Handle(
            _root.Db, Msg(introducer.Record([_root.Key, introducee.Key], 2), introducee.Record([introducer.Key], 1)), introducer.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.Empty(handling.Events);
        Assert.Equal(2u, _root.Db.Get(introducer.Key)!.Version);
    }

    [Fact]
    public void Introduction_is_ignored_when_the_root_has_five_full_neighbors()
    {
        foreach (var neighbor in Nodes(_root, NeighborhoodDatabase.MaxDegree))
        {
            AddFullNeighbor(_root, neighbor);
        }

        var introducer = GossipTestNode.Create(1, _root.Time);
        var introducee = GossipTestNode.Create(2, _root.Time);

        var handling = _acceptor.Handle(
            _root.Db, Msg(introducer.Record([_root.Key, introducee.Key], 2), introducee.Record([introducer.Key], 1)), introducer.Socket);

        Assert.IsType<GossipOutcome.Ignored>(handling.Outcome);
        Assert.False(_root.Db.Contains(introducer.Key));
    }

    [Fact]
    public void Known_introducer_changing_its_rate_pack_is_banned()
    {
        var introducer = GossipTestNode.Create(1, _root.Time);
        var introducee = GossipTestNode.Create(2, _root.Time);
        _root.Db.Add(introducer.StoredRecord([], 1));
        var cheaper = new RatePack(1, 1, 1, 1);

        var handling = _acceptor.Handle(
            _root.Db, Msg(introducer.Record([_root.Key, introducee.Key], 2, ratePack: cheaper), introducee.Record([], 1)), introducer.Socket);

        Assert.Contains("RatePackChanged", Assert.IsType<GossipOutcome.Ban>(handling.Outcome).Reason, StringComparison.Ordinal);
        Assert.False(_root.Db.Root.ListsNeighbor(introducer.Key));
    }

    [Fact]
    public void Known_introducer_moving_to_another_address_is_banned()
    {
        var introducer = GossipTestNode.Create(1, _root.Time);
        var introducee = GossipTestNode.Create(2, _root.Time);
        _root.Db.Add(introducer.StoredRecord([], 1));
        var moved = new NodeAddr(IPAddress.Parse("10.9.9.9"), [5001]);

        var handling = _acceptor.Handle(
            _root.Db, Msg(introducer.Record([_root.Key], 2, address: moved), introducee.Record([], 1)), new IPEndPoint(moved.Ip, 5001));

        Assert.IsType<GossipOutcome.Ban>(handling.Outcome);
    }
}
