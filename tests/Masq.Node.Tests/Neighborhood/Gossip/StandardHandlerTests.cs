using System.Formats.Cbor;
using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Tests.Crypto;
using Masq.Node.Tests.Neighborhood.Records;
using static Masq.Node.Tests.Neighborhood.Gossip.GossipTestSetup;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>The Standard handler (neighborhood.md §3.3) and the pre-checks every message passes first (§3.2).</summary>
public sealed class StandardHandlerTests
{
    private readonly GossipTestNode _root = GossipTestNode.Create(0);
    private readonly GossipAcceptor _acceptor;
    private readonly GossipTestNode _a;
    private readonly GossipTestNode _b;
    private readonly GossipTestNode _c;

    public StandardHandlerTests()
    {
        _acceptor = new GossipAcceptor(_root.Crypt, _root.Time);
        _a = GossipTestNode.Create(1, _root.Time);
        _b = GossipTestNode.Create(2, _root.Time);
        _c = GossipTestNode.Create(3, _root.Time);

        // The root has accepted A's Debut: it lists A, A does not list it yet.
        _root.Db.Add(_a.StoredRecord([], 0));
        _root.Db.AddRootNeighbor(_a.Key);
    }

    [Fact]
    public void Standard_gossip_adds_and_updates_records_and_reports_the_new_full_neighbor()
    {
        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key, _b.Key], 1), _b.Record([_a.Key, _c.Key], 3, revealAddress: false), _c.Record([_b.Key], 1, revealAddress: false)), _a.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.Equal([new StandardGossipReceived(_a.Ip)], handling.Events);
        Assert.Equal(1u, _root.Db.Get(_a.Key)!.Version);
        Assert.Equal(3u, _root.Db.Get(_b.Key)!.Version);
        Assert.Null(_root.Db.Get(_b.Key)!.Address);
        Assert.True(_root.Db.Contains(_c.Key));
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, _a.Key));
    }

    [Fact]
    public void Nothing_new_is_ignored_and_already_full_neighbors_are_not_reported_again()
    {
        var gossip = Msg(_a.Record([_root.Key], 1));
        Assert.Single(_acceptor.Handle(_root.Db, gossip, _a.Socket).Events);

        var again = _acceptor.Handle(_root.Db, gossip, _a.Socket);

        Assert.IsType<GossipOutcome.Ignored>(again.Outcome);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Versions_going_backwards_change_nothing()
    {
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 5)), _a.Socket);

        var handling = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key], 4)), _a.Socket);

        Assert.IsType<GossipOutcome.Ignored>(handling.Outcome);
        Assert.Equal(5u, _root.Db.Get(_a.Key)!.Version);
        Assert.True(_root.Db.Get(_a.Key)!.ListsNeighbor(_b.Key));
    }

    [Fact]
    public void Rate_pack_change_is_a_ban_and_leaves_the_database_untouched()
    {
        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key, _b.Key], 1), _b.Record([_a.Key], 1, revealAddress: false)), _a.Socket);
        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        uint rootVersion = _root.Db.Root.Version;

        var ban = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key, _b.Key, _c.Key], 2), _b.Record([_a.Key], 2, revealAddress: false, ratePack: new RatePack(1, 2, 3, 4))), _a.Socket);

        Assert.Contains("RatePackChanged", Assert.IsType<GossipOutcome.Ban>(ban.Outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(1u, _root.Db.Get(_a.Key)!.Version);
        Assert.Equal(1u, _root.Db.Get(_b.Key)!.Version);
        Assert.Equal(rootVersion, _root.Db.Root.Version);
    }

    [Fact]
    public void Another_nodes_known_address_claimed_for_it_by_a_third_party_is_left_out_and_not_banned()
    {
        // B is known at its address; A's gossip has B, newer, at C's IP. A may be passing on B's real move (B's router
        // got a new public IP), or forging it: either way only B itself moves B, and A is not punished.
        _root.Db.Add(_b.StoredRecord([_a.Key], 0));

        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key, _b.Key], 2), _b.Record([_a.Key], 1, address: _c.Address), _c.Record([], 0, revealAddress: false)), _a.Socket);

        Assert.IsNotType<GossipOutcome.Ban>(handling.Outcome);
        Assert.Equal(_b.Address, _root.Db.Get(_b.Key)!.Address);
        Assert.Equal(0u, _root.Db.Get(_b.Key)!.Version);
        Assert.Equal(2u, _root.Db.Get(_a.Key)!.Version);
    }

    [Fact]
    public void A_node_moving_its_own_record_to_a_new_public_address_is_believed()
    {
        // A's router got a new public address: A gossips its own record, newer, at the new address, over its link.
        var moved = new NodeAddr(IPAddress.Parse("198.51.100.77"), _a.Address.Ports);

        var handling = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 2, address: moved), _b.Record([_a.Key], 1, revealAddress: false)), _a.Socket);

        Assert.IsNotType<GossipOutcome.Ban>(handling.Outcome);
        Assert.Equal(moved, _root.Db.Get(_a.Key)!.Address);
        Assert.Equal(2u, _root.Db.Get(_a.Key)!.Version);
    }

    [Fact]
    public void A_third_node_claiming_that_another_moved_to_its_own_ip_is_not_believed_nor_banned()
    {
        // B is known at its address, A at its own. A gossips B's newer record (signed by B, so A may well have it) at A's
        // IP, and hides its own address so that no two revealed records share an IP. The address is outside B's
        // signature: only B's own gossip moves B, and this comes from A, a Node the root knows at that IP.
        _root.Db.Add(_b.StoredRecord([_a.Key], 0));

        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key, _b.Key], 2, revealAddress: false), _b.Record([_a.Key], 1, address: _a.Address)), _a.Socket);

        Assert.IsNotType<GossipOutcome.Ban>(handling.Outcome);
        Assert.Equal(_b.Address, _root.Db.Get(_b.Key)!.Address);
        Assert.Equal(0u, _root.Db.Get(_b.Key)!.Version);
        Assert.Equal(2u, _root.Db.Get(_a.Key)!.Version);
    }

    [Fact]
    public void A_moved_nodes_record_relayed_by_a_third_node_is_not_applied_until_the_node_itself_gossips()
    {
        // B moved and told A; A passes B's newer record on, at B's new address. The root keeps B where it was (not
        // banning A), then takes the move from B's own gossip over B's new link.
        _root.Db.Add(_b.StoredRecord([_a.Key], 0));
        _root.Db.AddRootNeighbor(_b.Key);
        var moved = new NodeAddr(IPAddress.Parse("198.51.100.88"), _b.Address.Ports);

        var relayed = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 2), _b.Record([_a.Key, _root.Key], 1, address: moved)), _a.Socket);

        Assert.IsNotType<GossipOutcome.Ban>(relayed.Outcome);
        Assert.Equal(_b.Address, _root.Db.Get(_b.Key)!.Address);
        Assert.Equal(0u, _root.Db.Get(_b.Key)!.Version);

        var own = _acceptor.Handle(_root.Db, Msg(_b.Record([_a.Key, _root.Key], 1, address: moved), _a.Record([_root.Key, _b.Key], 2, revealAddress: false)), new IPEndPoint(moved.Ip, 40123));

        Assert.IsNotType<GossipOutcome.Ban>(own.Outcome);
        Assert.Equal(moved, _root.Db.Get(_b.Key)!.Address);
        Assert.Equal(1u, _root.Db.Get(_b.Key)!.Version);
    }

    [Fact]
    public void A_moved_nodes_record_relayed_by_a_third_node_is_a_claim_applied_once_a_link_there_proves_the_nodes_key()
    {
        // As above, but B never gossips to the root itself (the root's link to B died before B's gossip came, and B
        // dropped the root): the relayed record is handed out as a claim; once a link at the claimed address proves B's
        // key, the newer record and its address replace the known ones, and B, no longer listing the root, is parted.
        _root.Db.Add(_b.StoredRecord([_a.Key, _root.Key], 0));
        _root.Db.AddRootNeighbor(_b.Key);
        var moved = new NodeAddr(IPAddress.Parse("198.51.100.88"), _b.Address.Ports);

        var relayed = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 2), _b.Record([_a.Key], 1, address: moved)), _a.Socket);

        var claim = Assert.Single(relayed.AddressClaims);
        Assert.Equal(_b.Key, claim.Key);
        Assert.Equal(moved, claim.NodeAddr);
        Assert.Equal(_b.Address, _root.Db.Get(_b.Key)!.Address);

        Assert.True(GossipAcceptor.ApplyProvenMove(_root.Db, claim, DateTimeOffset.UtcNow, out bool parted));

        Assert.True(parted);
        Assert.Equal(moved, _root.Db.Get(_b.Key)!.Address);
        Assert.Equal(1u, _root.Db.Get(_b.Key)!.Version);
        Assert.False(_root.Db.Root.ListsNeighbor(_b.Key));

        // Proved again (a replayed claim, or B's own gossip came first): nothing left to change.
        Assert.False(GossipAcceptor.ApplyProvenMove(_root.Db, claim, DateTimeOffset.UtcNow, out _));
    }

    [Fact]
    public void A_relayed_record_at_the_known_address_or_an_older_one_is_no_claim()
    {
        _root.Db.Add(_b.StoredRecord([_a.Key], 3));

        var same = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 2), _b.Record([_a.Key], 4)), _a.Socket);
        var older = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 3), _b.Record([_a.Key], 2, address: new NodeAddr(IPAddress.Parse("198.51.100.89"), _b.Address.Ports))), _a.Socket);

        Assert.Empty(same.AddressClaims);
        Assert.Empty(older.AddressClaims);
    }

    [Fact]
    public void A_neighbor_that_debuted_to_a_moved_node_and_lost_it_with_the_old_link_takes_it_back_from_its_gossip_at_the_new_address()
    {
        // The root debuted to A, which took it as a neighbor; then A's router got a new public IP. The root's link to A's
        // old address died before A's gossip came, so the root dropped A: its address forgotten, no longer listed.
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key], 1)), _a.Socket);
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, _a.Key));
        _root.Db.Get(_a.Key)!.Address = null;
        _root.Db.RemoveRootNeighbor(_a.Key);
        var moved = new NodeAddr(IPAddress.Parse("198.51.100.77"), _a.Address.Ports);

        // A, having kept the root as a neighbor through its move, gossips from its new address over a link it opens.
        var handling = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key], 2, address: moved)), new IPEndPoint(moved.Ip, 40999));

        Assert.IsNotType<GossipOutcome.Ban>(handling.Outcome);
        Assert.Equal(moved, _root.Db.Get(_a.Key)!.Address);
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, _a.Key));
    }

    [Fact]
    public void Record_at_the_root_ip_is_a_ban()
    {
        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key, _b.Key], 1), _b.Record([_a.Key], 1, address: new NodeAddr(_root.Ip, [9999]))), _a.Socket);

        Assert.IsType<GossipOutcome.Ban>(handling.Outcome);
        Assert.False(_root.Db.Contains(_b.Key));
    }

    [Fact]
    public void Gossip_with_the_root_key_is_a_ban()
    {
        uint version = _root.Db.Root.Version;

        var handling = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key], 1), _root.Record([_a.Key], 50, revealAddress: false)), _a.Socket);

        Assert.Contains("this Node's public key", Assert.IsType<GossipOutcome.Ban>(handling.Outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(version, _root.Db.Root.Version);
    }

    [Fact]
    public void Two_records_at_the_same_ip_are_a_ban()
    {
        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key], 1), _b.Record([_a.Key], 1, address: _c.Address), _c.Record([_a.Key], 1)), _a.Socket);

        Assert.IsType<GossipOutcome.Ban>(handling.Outcome);
    }

    [Fact]
    public void New_key_revealing_a_third_party_ip_is_dropped_not_banned()
    {
        // Three records, so not an Introduction: B is new and its address is not the sender's.
        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key, _b.Key, _c.Key], 1), _b.Record([_a.Key], 1), _c.Record([_a.Key], 1, revealAddress: false)), _a.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.False(_root.Db.Contains(_b.Key));
        Assert.True(_root.Db.Contains(_c.Key));
    }

    [Fact]
    public void New_key_at_the_exact_source_socket_is_added_with_its_address()
    {
        var stranger = GossipTestNode.Create(4, _root.Time);
        _root.Db.Add(stranger.StoredRecord([], 0, withAddress: false));
        _root.Db.Remove(stranger.Key);

        // D lists A, A lists root: D is within the patch and its address is the source socket.
        var handling = _acceptor.Handle(
            _root.Db, Msg(stranger.Record([_a.Key], 1), _a.Record([_root.Key, stranger.Key], 1, revealAddress: false)), stranger.Socket);

        Assert.IsType<GossipOutcome.Accepted>(handling.Outcome);
        Assert.Equal(stranger.Address, _root.Db.Get(stranger.Key)!.Address);

        // Same IP, different port: not the exact socket, dropped.
        var other = GossipTestNode.Create(5, _root.Time);
        _acceptor.Handle(_root.Db, Msg(other.Record([_a.Key], 1), _a.Record([_root.Key, other.Key], 2, revealAddress: false)), new IPEndPoint(other.Ip, 7777));
        Assert.False(_root.Db.Contains(other.Key));
    }

    [Fact]
    public void Patch_keeps_records_within_three_hops_by_default_and_min_hops_when_larger()
    {
        // Chain root - A - B - C - D - E: B at 2 hops, C at 3, D at 4, E at 5.
        var d = GossipTestNode.Create(4, _root.Time);
        var e = GossipTestNode.Create(5, _root.Time);
        var gossip = Msg(
            _a.Record([_root.Key, _b.Key], 1),
            _b.Record([_a.Key, _c.Key], 1, revealAddress: false),
            _c.Record([_b.Key, d.Key], 1, revealAddress: false),
            d.Record([_c.Key, e.Key], 1, revealAddress: false),
            e.Record([d.Key], 1, revealAddress: false));

        _acceptor.Handle(_root.Db, gossip, _a.Socket);

        Assert.True(_root.Db.Contains(_c.Key));
        Assert.False(_root.Db.Contains(d.Key));

        var other = GossipTestNode.Create(10);
        other.Db.Add(_a.StoredRecord([], 0));
        other.Db.AddRootNeighbor(_a.Key);
        var gossip2 = Msg(
            _a.Record([other.Key, _b.Key], 1),
            _b.Record([_a.Key, _c.Key], 1, revealAddress: false),
            _c.Record([_b.Key, d.Key], 1, revealAddress: false),
            d.Record([_c.Key, e.Key], 1, revealAddress: false),
            e.Record([d.Key], 1, revealAddress: false));
        new GossipAcceptor(other.Crypt, other.Time).Handle(other.Db, gossip2, _a.Socket, minHops: 4);
        Assert.True(other.Db.Contains(d.Key));
        Assert.False(other.Db.Contains(e.Key));
    }

    [Fact]
    public void Patch_is_walked_breadth_first()
    {
        // root - A; A lists B and C; B lists C; C lists D. D is 3 hops away via A-C, 4 via A-B-C: it must be kept
        // whichever of B and C a depth-first walk would visit first.
        var d = GossipTestNode.Create(4, _root.Time);
        var gossip = Msg(
            _a.Record([_root.Key, _b.Key, _c.Key], 1),
            _b.Record([_a.Key, _c.Key], 1, revealAddress: false),
            _c.Record([_a.Key, _b.Key, d.Key], 1, revealAddress: false),
            d.Record([_c.Key], 1, revealAddress: false));

        _acceptor.Handle(_root.Db, gossip, _a.Socket);

        Assert.True(_root.Db.Contains(d.Key));
    }

    [Fact]
    public void Sender_is_not_made_a_half_neighbor_when_the_root_has_five_full_neighbors()
    {
        foreach (var neighbor in Nodes(_root, NeighborhoodDatabase.MaxDegree))
        {
            AddFullNeighbor(_root, neighbor);
        }

        var stranger = GossipTestNode.Create(6, _root.Time);
        _root.Db.Add(stranger.StoredRecord([], 0));
        uint version = _root.Db.Root.Version;

        var handling = _acceptor.Handle(_root.Db, Msg(stranger.Record([_root.Key], 1)), stranger.Socket);

        Assert.False(_root.Db.Root.ListsNeighbor(stranger.Key));
        Assert.Equal(version, _root.Db.Root.Version);
        Assert.Empty(handling.Events);
    }

    [Fact]
    public void A_neighbor_whose_newer_record_drops_the_root_is_dropped_too_and_its_gossip_does_not_bring_it_back()
    {
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 1), _b.Record([_a.Key], 1, revealAddress: false)), _a.Socket);
        Assert.True(_root.Db.HasFullNeighbor(_root.Key, _a.Key));

        // A parted from the root (its version 2 no longer lists it), as B's gossip reports.
        var parted = _acceptor.Handle(_root.Db, Msg(_b.Record([_a.Key], 2, revealAddress: false), _a.Record([_b.Key], 2, revealAddress: false)), _b.Socket);

        Assert.Equal([_a.Key], parted.PartedFrom);
        Assert.False(_root.Db.Root.ListsNeighbor(_a.Key));
        Assert.True(_root.Db.IsParted(_a.Key));

        // A's own gossip does not make it the root's neighbor again while the parting holds.
        var again = _acceptor.Handle(_root.Db, Msg(_a.Record([_b.Key], 3)), _a.Socket);
        Assert.Empty(again.PartedFrom);
        Assert.False(_root.Db.Root.ListsNeighbor(_a.Key));
    }

    [Fact]
    public void A_neighbor_that_another_node_stops_listing_is_a_suspect()
    {
        // Root – A full, A – B full; then B's newer record drops A (B saw A die).
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 1), _b.Record([_a.Key], 1, revealAddress: false)), _a.Socket);
        Assert.Empty(_acceptor.Handle(_root.Db, Msg(_b.Record([_a.Key], 1, revealAddress: false)), _a.Socket).Suspects);

        var handling = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key, _b.Key], 1), _b.Record([], 2, revealAddress: false)), _a.Socket);

        Assert.Equal([_a.Key], handling.Suspects);
        Assert.True(_root.Db.Root.ListsNeighbor(_a.Key));
    }

    [Fact]
    public void A_record_that_never_listed_the_root_parts_nothing()
    {
        // The root listed A after A's Debut; A's first Standard record does not list the root yet: no parting.
        var handling = _acceptor.Handle(_root.Db, Msg(_b.Record([_a.Key], 1, revealAddress: false), _a.Record([_b.Key], 1, revealAddress: false)), _b.Socket);

        Assert.Empty(handling.PartedFrom);
        Assert.True(_root.Db.Root.ListsNeighbor(_a.Key));
    }

    [Fact]
    public void Bad_signature_rejects_the_whole_message()
    {
        var forged = SignedNodeRecord.FromReceived(_b.Sign([_a.Key], 1).SignedData.Span, _c.Sign([_a.Key], 1).Signature.Span);

        var handling = _acceptor.Handle(
            _root.Db, Msg(_a.Record([_root.Key], 1), new GossipNodeRecord(forged, null)), _a.Socket);

        Assert.Contains("bad signature", Assert.IsType<GossipOutcome.Ban>(handling.Outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(0u, _root.Db.Get(_a.Key)!.Version);
    }

    [Fact]
    public void Known_bytes_skip_verification_only_when_the_signature_is_identical_too()
    {
        _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key], 1)), _a.Socket);
        var stored = _root.Db.Get(_a.Key)!.Signed;
        var resigned = SignedNodeRecord.FromReceived(stored.SignedData.Span, _c.Crypt.Sign(stored.SignedData.Span));

        var handling = _acceptor.Handle(_root.Db, Msg(new GossipNodeRecord(resigned, _a.Address)), _a.Socket);

        Assert.IsType<GossipOutcome.Ban>(handling.Outcome);
        Assert.IsType<GossipOutcome.Ignored>(_acceptor.Handle(_root.Db, Msg(new GossipNodeRecord(stored, _a.Address)), _a.Socket).Outcome);
    }

    [Fact]
    public void Record_signed_on_another_chain_is_rejected()
    {
        var foreign = CryptDeReal.Generate(TestChains.BaseMainnet);
        var inner = new NodeRecordInner(foreign.PublicKey, RecordSamples.Wallet, RatePack.Default, [], true, true, 0, null);
        var record = new GossipNodeRecord(SignedNodeRecord.Create(foreign, inner), new NodeAddr(IPAddress.Parse("10.5.5.5"), [5555]));

        Assert.IsType<GossipOutcome.Ban>(_acceptor.Handle(_root.Db, Msg(record), new IPEndPoint(IPAddress.Parse("10.5.5.5"), 5555)).Outcome);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(65)]
    public void Wrong_key_length_is_rejected_before_any_signature_check(int keyLength)
    {
        var writer = new CborWriter();
        writer.WriteStartMap(8);
        writer.WriteTextString("public_key");
        writer.WriteByteString(new byte[keyLength]);
        writer.WriteTextString("earning_wallet");
        writer.WriteStartMap(1);
        writer.WriteTextString("address");
        writer.WriteByteString(RecordSamples.Wallet.Bytes);
        writer.WriteEndMap();
        writer.WriteTextString("rate_pack");
        writer.WriteStartMap(4);
        foreach (var field in new[] { "routing_byte_rate", "routing_service_rate", "exit_byte_rate", "exit_service_rate" })
        {
            writer.WriteTextString(field);
            writer.WriteUInt64(1);
        }

        writer.WriteEndMap();
        writer.WriteTextString("neighbors");
        writer.WriteStartArray(0);
        writer.WriteEndArray();
        writer.WriteTextString("accepts_connections");
        writer.WriteBoolean(true);
        writer.WriteTextString("routes_data");
        writer.WriteBoolean(true);
        writer.WriteTextString("version");
        writer.WriteUInt32(0);
        writer.WriteTextString("country_code_opt");
        writer.WriteNull();
        writer.WriteEndMap();
        byte[] data = writer.Encode();
        var record = new GossipNodeRecord(SignedNodeRecord.FromReceived(data, _b.Crypt.Sign(data)), _b.Address);

        var handling = _acceptor.Handle(_root.Db, Msg(record), _b.Socket);

        Assert.Contains("undecodable", Assert.IsType<GossipOutcome.Ban>(handling.Outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_records_for_one_key_are_a_ban()
    {
        var handling = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key], 1), _a.Record([_root.Key], 2)), _a.Socket);

        Assert.IsType<GossipOutcome.Ban>(handling.Outcome);
    }

    [Fact]
    public void Ipv4_mapped_source_is_treated_as_ipv4()
    {
        var handling = _acceptor.Handle(_root.Db, Msg(_a.Record([_root.Key], 1)), new IPEndPoint(_a.Ip.MapToIPv6(), _a.Address.Ports[0]));

        Assert.Equal([new StandardGossipReceived(_a.Ip)], handling.Events);
    }

    [Fact]
    public void Empty_gossip_is_ignored()
    {
        Assert.IsType<GossipOutcome.Ignored>(_acceptor.Handle(_root.Db, Msg(), GossipTestNode.Create(9).Socket).Outcome);
    }

    internal static PublicKey KeyOf(GossipNodeRecord record) => NodeRecordInner.Decode(record.Record.SignedData).PublicKey;
}
