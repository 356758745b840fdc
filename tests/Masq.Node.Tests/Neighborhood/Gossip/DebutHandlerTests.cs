using System.Net;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;
using static Masq.Node.Tests.Neighborhood.Gossip.GossipTestSetup;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>The Debut handler's decisions (neighborhood.md §3.3) and the §9 scenarios it decides.</summary>
public sealed class DebutHandlerTests
{
    private readonly GossipTestNode _root = GossipTestNode.Create(0);
    private readonly GossipAcceptor _acceptor;

    public DebutHandlerTests()
    {
        _acceptor = new GossipAcceptor(_root.Crypt, _root.Time);
    }

    [Fact]
    public void Lone_root_accepts_and_answers_with_its_own_record_listing_the_debuter()
    {
        var debuter = GossipTestNode.Create(1, _root.Time);

        var handling = _acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket);

        var reply = Assert.IsType<GossipOutcome.Reply>(handling.Outcome);
        Assert.Equal(debuter.Key, reply.Target);
        Assert.Equal(debuter.Address, reply.Address);
        var record = Assert.Single(reply.Gossip.NodeRecords);
        Assert.True(record.Record.HasSameBytes(_root.Db.Root.Signed));
        Assert.Equal(_root.Address, record.NodeAddr);
        Assert.True(_root.Db.Root.ListsNeighbor(debuter.Key));
        Assert.Equal(1u, _root.Db.Root.Version);
        Assert.Equal(debuter.Address, _root.Db.Get(debuter.Key)!.Address);
        Assert.Empty(handling.Events);
    }

    [Fact]
    public void Accepting_root_introduces_its_least_connected_full_neighbor()
    {
        var busy = GossipTestNode.Create(1, _root.Time);
        var quiet = GossipTestNode.Create(2, _root.Time);
        var far = GossipTestNode.Create(3, _root.Time);
        AddFullNeighbor(_root, busy, far.Key);
        AddFullNeighbor(_root, quiet);
        var debuter = GossipTestNode.Create(4, _root.Time);

        var reply = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket).Outcome);

        Assert.Equal(2, reply.Gossip.NodeRecords.Count);
        Assert.True(reply.Gossip.NodeRecords[0].Record.HasSameBytes(_root.Db.Root.Signed));
        Assert.Equal(_root.Address, reply.Gossip.NodeRecords[0].NodeAddr);
        Assert.True(reply.Gossip.NodeRecords[1].Record.HasSameBytes(_root.Db.Get(quiet.Key)!.Signed));
        Assert.Equal(quiet.Address, reply.Gossip.NodeRecords[1].NodeAddr);
        Assert.True(_root.Db.Root.ListsNeighbor(debuter.Key));
    }

    [Fact]
    public void Debuts_arriving_together_are_introduced_to_each_other_before_any_neighborship_is_full()
    {
        // Three Nodes debut at once to a lone root: the second and third find no full neighbor yet (the first has not
        // answered), so the root introduces a half one; without that the mesh is a star, cut apart by the root's death.
        var first = GossipTestNode.Create(1, _root.Time);
        var second = GossipTestNode.Create(2, _root.Time);

        var toFirst = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(first.Record([], 0)), first.Socket).Outcome);
        var toSecond = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(second.Record([], 0)), second.Socket).Outcome);

        Assert.Single(toFirst.Gossip.NodeRecords);
        Assert.Equal(0, _root.Db.RootFullNeighborCount());
        Assert.Equal(2, toSecond.Gossip.NodeRecords.Count);
        Assert.Equal(first.Key.ToString(), KeyOf(toSecond.Gossip.NodeRecords[1].Record));
        Assert.Equal(first.Address, toSecond.Gossip.NodeRecords[1].NodeAddr);
        Assert.True(_root.Db.Root.ListsNeighbor(first.Key) && _root.Db.Root.ListsNeighbor(second.Key));
    }

    [Fact]
    public void Debuter_that_already_has_a_neighbor_is_accepted_without_an_introduction()
    {
        var neighbor = GossipTestNode.Create(1, _root.Time);
        AddFullNeighbor(_root, neighbor);
        var debuter = GossipTestNode.Create(2, _root.Time);
        var elsewhere = GossipTestNode.Create(3, _root.Time);

        var handling = _acceptor.Handle(_root.Db, Msg(debuter.Record([elsewhere.Key], 1)), debuter.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.True(_root.Db.Root.ListsNeighbor(debuter.Key));
    }

    [Fact]
    public void Debut_target_does_not_introduce_known_neighbors_but_sends_standard_gossip()
    {
        // §9 debut_target_does_not_introduce_known_neighbors.
        var shared1 = GossipTestNode.Create(1, _root.Time);
        var shared2 = GossipTestNode.Create(2, _root.Time);
        AddFullNeighbor(_root, shared1);
        AddFullNeighbor(_root, shared2);
        var debuter = GossipTestNode.Create(3, _root.Time);

        var handling = _acceptor.Handle(_root.Db, Msg(debuter.Record([shared1.Key, shared2.Key], 2)), debuter.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        var producer = new GossipProducer(_root.Time);
        Assert.Contains(debuter.Key, producer.GossipTargets(_root.Db));
        var gossip = producer.Produce(_root.Db, debuter.Key)!;
        Assert.Equal(
            new[] { _root.Key, shared1.Key, shared2.Key }.Select(k => k.ToString()).Order(),
            gossip.NodeRecords.Select(r => r.Record).Select(KeyOf).Order());
    }

    [Fact]
    public void Non_accepting_debuter_is_stored_at_its_source_socket()
    {
        var debuter = GossipTestNode.Create(1, _root.Time, acceptsConnections: false);
        var source = new IPEndPoint(debuter.Ip, 50123);

        var reply = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(debuter.Record([], 0, revealAddress: false)), source).Outcome);

        var socket = new NodeAddr(debuter.Ip, [50123]);
        Assert.Equal(socket, reply.Address);
        Assert.Equal(socket, _root.Db.Get(debuter.Key)!.Address);
    }

    [Fact]
    public void Consume_only_debuters_never_use_up_the_slots()
    {
        for (int i = 1; i <= 8; i++)
        {
            var debuter = GossipTestNode.Create(i, _root.Time, acceptsConnections: false);
            var outcome = _acceptor.Handle(_root.Db, Msg(debuter.Record([], 0, revealAddress: false)), new IPEndPoint(debuter.Ip, 40000 + i)).Outcome;
            Assert.IsType<GossipOutcome.Reply>(outcome);
            Assert.True(_root.Db.Root.ListsNeighbor(debuter.Key));
        }

        Assert.Equal(0, _root.Db.Degree(_root.Key));
    }

    [Fact]
    public void Malformed_debuts_are_bans()
    {
        var accepting = GossipTestNode.Create(1, _root.Time);
        var consumer = GossipTestNode.Create(2, _root.Time, acceptsConnections: false);

        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(_root.Db, Msg(accepting.Record([], 0, revealAddress: false)), accepting.Socket).Outcome);
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(_root.Db, Msg(accepting.Record([], 0, address: new NodeAddr(accepting.Ip, []))), accepting.Socket).Outcome);
        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(_root.Db, Msg(consumer.Record([], 0, address: consumer.Address)), consumer.Socket).Outcome);
        Assert.Equal(1, _root.Db.Count);
    }

    [Fact]
    public void Redirects_to_a_less_connected_full_neighbor_of_degree_above_two()
    {
        // Root degree 4; neighbor A has degree 3 (root + 2 unknown keys), the others degree 1 (skipped as ≤ 2).
        var a = GossipTestNode.Create(1, _root.Time);
        AddFullNeighbor(_root, a, GossipTestNode.Create(90).Key, GossipTestNode.Create(91).Key);
        foreach (var other in Nodes(_root, 3))
        {
            AddFullNeighbor(_root, other);
        }

        var debuter = GossipTestNode.Create(2, _root.Time);

        var reply = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket).Outcome);

        var pass = Assert.Single(reply.Gossip.NodeRecords);
        Assert.Equal(a.Key.ToString(), KeyOf(pass.Record));
        Assert.Equal(a.Address, pass.NodeAddr);
        Assert.Equal(debuter.Address, reply.Address);
        Assert.False(_root.Db.Contains(debuter.Key));
    }

    [Fact]
    public void Full_root_passes_to_its_least_connected_neighbor()
    {
        var neighbors = Nodes(_root, NeighborhoodDatabase.MaxDegree);
        int extra = 200;
        foreach (var neighbor in neighbors)
        {
            // Degree 5 each (root + 4 unknown), so none is less connected than the root: no redirect.
            var others = Enumerable.Range(0, neighbor == neighbors[2] ? 3 : 4).Select(_ => GossipTestNode.Create(extra++).Key).ToArray();
            AddFullNeighbor(_root, neighbor, others);
        }

        var debuter = GossipTestNode.Create(1, _root.Time);

        var reply = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket).Outcome);

        Assert.Equal(neighbors[2].Key.ToString(), KeyOf(Assert.Single(reply.Gossip.NodeRecords).Record));
        Assert.False(_root.Db.Contains(debuter.Key));
    }

    [Fact]
    public void Debut_target_does_not_pass_to_known_neighbors()
    {
        // §9 debut_target_does_not_pass_to_known_neighbors: all 5 neighbors are the debuter's too.
        var neighbors = Nodes(_root, NeighborhoodDatabase.MaxDegree);
        foreach (var neighbor in neighbors)
        {
            AddFullNeighbor(_root, neighbor);
        }

        var debuter = GossipTestNode.Create(1, _root.Time);

        var failed = Assert.IsType<GossipOutcome.Failed>(
            _acceptor.Handle(_root.Db, Msg(debuter.Record(neighbors.Select(n => n.Key), 3)), debuter.Socket).Outcome);

        Assert.Equal(GossipFailureKind.NoSuitableNeighbors, failed.Failure);
        Assert.Equal(debuter.Key, failed.Target);
        Assert.Equal(debuter.Address, failed.Address);
    }

    [Fact]
    public void Lots_of_stalled_nodes_do_not_prevent_acceptance_of_a_new_node()
    {
        // §9: 5 unanswered half neighbors and 1 full neighbor; the Debut is accepted and the full neighbor introduced.
        foreach (var stalled in Nodes(_root, 5))
        {
            AddStalledNeighbor(_root, stalled);
        }

        var full = GossipTestNode.Create(1, _root.Time);
        AddFullNeighbor(_root, full);
        var debuter = GossipTestNode.Create(2, _root.Time);

        var reply = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket).Outcome);

        Assert.Equal(2, reply.Gossip.NodeRecords.Count);
        Assert.Equal(full.Key.ToString(), KeyOf(reply.Gossip.NodeRecords[1].Record));
        Assert.True(_root.Db.Root.ListsNeighbor(debuter.Key));
    }

    [Fact]
    public void Downed_node_is_not_offered_in_an_introduction()
    {
        // §9 downed_nodes_not_offered_in_passes_or_introductions: a neighbor whose link died is forgotten as §3.5 says.
        var downed = GossipTestNode.Create(1, _root.Time);
        var survivor = GossipTestNode.Create(2, _root.Time);
        AddFullNeighbor(_root, downed);
        AddFullNeighbor(_root, survivor, GossipTestNode.Create(95).Key);
        _root.Db.Get(downed.Key)!.Address = null;
        _root.Db.RemoveRootNeighbor(downed.Key);
        var debuter = GossipTestNode.Create(3, _root.Time);

        var reply = Assert.IsType<GossipOutcome.Reply>(_acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket).Outcome);

        Assert.Equal(survivor.Key.ToString(), KeyOf(reply.Gossip.NodeRecords[1].Record));
    }

    [Fact]
    public void Country_undesirability_is_set_on_the_new_record()
    {
        var debuter = GossipTestNode.Create(1, _root.Time);

        _acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket, countryUndesirability: code => code == "AT" ? 1000u : 7u);

        Assert.Equal(1000u, _root.Db.Get(debuter.Key)!.CountryUndesirability);
    }

    [Fact]
    public void An_introduced_Nodes_Debut_to_an_introducee_that_already_knows_it_makes_them_neighbors()
    {
        // The common introducer's gossip brought the debuter's record first, by key alone (its address hidden): the
        // Debut is no Debut (a known key), and the debuter is beyond the Standard handler's patch. Its own record at the
        // source IP still counts: the root learns its address and takes it as a neighbor.
        var introducer = GossipTestNode.Create(1, _root.Time);
        var debuter = GossipTestNode.Create(2, _root.Time);
        AddFullNeighbor(_root, introducer);
        _root.Db.Add(debuter.StoredRecord([introducer.Key], 1, withAddress: false));

        var handling = _acceptor.Handle(_root.Db, Msg(debuter.Record([introducer.Key], 1)), debuter.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.True(_root.Db.Root.ListsNeighbor(debuter.Key));
        Assert.Equal(debuter.Address, _root.Db.Get(debuter.Key)!.Address);
    }

    [Fact]
    public void Known_key_is_not_a_debut()
    {
        // A "re-debut" lands in the Standard handler and counts only with a newer version.
        var debuter = GossipTestNode.Create(1, _root.Time);
        _acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket);
        uint version = _root.Db.Root.Version;

        var again = _acceptor.Handle(_root.Db, Msg(debuter.Record([], 0)), debuter.Socket);

        Assert.IsType<GossipOutcome.Ignored>(again.Outcome);
        Assert.Equal(version, _root.Db.Root.Version);
        Assert.IsType<GossipOutcome.Accepted>(_acceptor.Handle(_root.Db, Msg(debuter.Record([_root.Key], 1)), debuter.Socket).Outcome);
    }

    [Fact]
    public void Known_node_cut_off_with_its_own_neighbors_rejoins_with_a_newer_record()
    {
        // The far part of a split mesh: the root knows the debuter's record (learnt from gossip, no address), but
        // the Node that linked them died. The debuter's newer record from its own IP is a Debut again.
        var debuter = GossipTestNode.Create(1, _root.Time);
        var elsewhere = GossipTestNode.Create(2, _root.Time);
        _root.Db.Add(debuter.StoredRecord([elsewhere.Key], 3, withAddress: false));

        var handling = _acceptor.Handle(_root.Db, Msg(debuter.Record([elsewhere.Key], 4)), debuter.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.True(_root.Db.Root.ListsNeighbor(debuter.Key));
        Assert.Equal(debuter.Address, _root.Db.Get(debuter.Key)!.Address);
        Assert.Equal(4u, _root.Db.Get(debuter.Key)!.Version);
    }

    [Fact]
    public void Rejoining_needs_a_newer_record_from_the_debuters_own_ip_and_no_parting()
    {
        var debuter = GossipTestNode.Create(1, _root.Time);
        var elsewhere = GossipTestNode.Create(2, _root.Time);
        var stranger = GossipTestNode.Create(3, _root.Time);
        _root.Db.Add(debuter.StoredRecord([elsewhere.Key], 3, withAddress: false));

        // The same version is old news.
        Assert.IsNotType<GossipOutcome.Accepted>(_acceptor.Handle(_root.Db, Msg(debuter.Record([elsewhere.Key], 3)), debuter.Socket).Outcome);
        Assert.False(_root.Db.Root.ListsNeighbor(debuter.Key));

        // From another Node's IP it is somebody else's claim.
        _acceptor.Handle(_root.Db, Msg(debuter.Record([elsewhere.Key], 4)), stranger.Socket);
        Assert.False(_root.Db.Root.ListsNeighbor(debuter.Key));

        // A Node the root parted from stays parted.
        _root.Db.Part(debuter.Key, _root.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        _acceptor.Handle(_root.Db, Msg(debuter.Record([elsewhere.Key], 5)), debuter.Socket);
        Assert.False(_root.Db.Root.ListsNeighbor(debuter.Key));
    }

    internal static string KeyOf(Masq.Node.Neighborhood.Records.SignedNodeRecord record) =>
        Masq.Node.Neighborhood.Records.NodeRecordInner.Decode(record.SignedData).PublicKey.ToString();
}
