using System.Net;
using Masq.Node.Neighborhood.Gossip;
using static Masq.Node.Tests.Neighborhood.Gossip.GossipTestSetup;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>
/// The end of the join sequence (neighborhood.md §3.6): the root was introduced by A to B and debuted to B; B took it
/// and answers with Standard gossip over a link B opened, so from an ephemeral port, never B's listening socket. Which
/// of A's and B's gossip arrives first is a race; either way the root must end up with B's address and list B.
/// </summary>
public sealed class IntroduceeGossipTests
{
    private readonly GossipTestNode _root = GossipTestNode.Create(0);
    private readonly GossipAcceptor _acceptor;
    private readonly GossipTestNode _a;
    private readonly GossipTestNode _b;
    private readonly IPEndPoint _fromB;

    public IntroduceeGossipTests()
    {
        _acceptor = new GossipAcceptor(_root.Crypt, _root.Time);
        _a = GossipTestNode.Create(1, _root.Time);
        _b = GossipTestNode.Create(2, _root.Time);
        _fromB = new IPEndPoint(_b.Ip, 45678);
        AddFullNeighbor(_root, _a);
    }

    [Fact]
    public void The_introducees_own_record_listing_the_root_is_added_with_its_address_when_it_comes_first()
    {
        var handling = _acceptor.Handle(
            _root.Db, Msg(_b.Record([_root.Key, _a.Key], 1), _a.Record([_root.Key, _b.Key], 2, revealAddress: false)), _fromB);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.Equal(_b.Address, _root.Db.Get(_b.Key)!.Address);
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, _b.Key));
        Assert.Contains(handling.Events, e => e is StandardGossipReceived);
    }

    [Fact]
    public void The_introducees_address_fills_a_record_first_learnt_from_the_introducer()
    {
        // A's gossip came first: B's record without its address (A's record of the root does not reveal it).
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 2), _b.Record([_root.Key, _a.Key], 1, revealAddress: false)), _a.Socket);
        Assert.Null(_root.Db.Get(_b.Key)!.Address);

        var handling = _acceptor.Handle(_root.Db, Msg(_b.Record([_root.Key, _a.Key], 1), _a.Record([_root.Key, _b.Key], 2, revealAddress: false)), _fromB);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.Equal(_b.Address, _root.Db.Get(_b.Key)!.Address);
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, _b.Key));
    }

    [Fact]
    public void A_third_party_cannot_fill_in_an_address()
    {
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 2), _b.Record([_root.Key, _a.Key], 1, revealAddress: false)), _a.Socket);

        // A reveals B's address with the same version of B's record: B's IP is not the source's.
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 2), _b.Record([_root.Key, _a.Key], 1)), _a.Socket);

        Assert.Null(_root.Db.Get(_b.Key)!.Address);
        Assert.False(_root.Db.Root.ListsNeighbor(_b.Key));
    }
}
