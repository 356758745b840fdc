using System.Formats.Cbor;
using System.Net;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;
using Masq.Node.Tests.Neighborhood.Records;
using Masq.Node.Tests.Protocol;

namespace Masq.Node.Tests.Neighborhood.Gossip;

public sealed class GossipCodecTests
{
    private static readonly GossipTestNode NodeA = GossipTestNode.Create(1);
    private static readonly GossipTestNode NodeB = GossipTestNode.Create(2);

    [Fact]
    public void Gossip_round_trips_with_and_without_node_addr()
    {
        var gossip = GossipTestSetup.Msg(NodeA.Record([NodeB.Key], 3), NodeB.Record([NodeA.Key], 7, revealAddress: false));

        var decoded = Masq.Node.Neighborhood.Gossip.Gossip.Decode(gossip.ToMessage());

        Assert.Equal(2, decoded.NodeRecords.Count);
        Assert.True(decoded.NodeRecords[0].Record.HasSameBytes(gossip.NodeRecords[0].Record));
        Assert.Equal(NodeA.Address, decoded.NodeRecords[0].NodeAddr);
        Assert.True(decoded.NodeRecords[1].Record.HasSameBytes(gossip.NodeRecords[1].Record));
        Assert.Null(decoded.NodeRecords[1].NodeAddr);
        Assert.Equal(new DataVersion(0, 1), gossip.ToMessage().Data.Version);
    }

    [Fact]
    public void Empty_gossip_round_trips()
    {
        Assert.Empty(Masq.Node.Neighborhood.Gossip.Gossip.Decode(GossipTestSetup.Msg().ToMessage()).NodeRecords);
    }

    [Fact]
    public void Ip_addr_is_written_as_serde_ipaddr_variant_with_octet_array()
    {
        var address = new NodeAddr(IPAddress.Parse("150.60.42.72"), [4789, 6642, 5254]);
        var gossip = GossipTestSetup.Msg(NodeA.Record([], 1, address: address));
        var reader = new CborReader(gossip.ToMessage().Data.Bytes);

        reader.ReadStartMap();
        Assert.Equal("node_records", reader.ReadTextString());
        reader.ReadStartArray();
        reader.ReadStartMap();
        Assert.Equal("signed_data", reader.ReadTextString());
        reader.ReadByteString();
        Assert.Equal("signature", reader.ReadTextString());
        Assert.Equal(64, reader.ReadByteString().Length);
        Assert.Equal("node_addr_opt", reader.ReadTextString());
        reader.ReadStartMap();
        Assert.Equal("ip_addr", reader.ReadTextString());
        reader.ReadStartMap();
        Assert.Equal("V4", reader.ReadTextString());
        Assert.Equal(4, reader.ReadStartArray());
        Assert.Equal([150u, 60u, 42u, 72u], [reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32()]);
        reader.ReadEndArray();
        reader.ReadEndMap();
        Assert.Equal("ports", reader.ReadTextString());
        Assert.Equal(3, reader.ReadStartArray());
        Assert.Equal([4789u, 5254u, 6642u], [reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32()]);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("bytes")]
    [InlineData("v6")]
    public void Reader_accepts_other_ip_forms(string form)
    {
        var signed = NodeA.Sign([], 1);
        byte[] payload = RecordSamples.Cbor(w => WriteGossip(w, signed, w2 =>
        {
            switch (form)
            {
                case "text":
                    w2.WriteTextString("1.2.3.4");
                    break;
                case "bytes":
                    w2.WriteStartMap(1);
                    w2.WriteTextString("V4");
                    w2.WriteByteString([1, 2, 3, 4]);
                    w2.WriteEndMap();
                    break;
                default:
                    w2.WriteStartMap(1);
                    w2.WriteTextString("V6");
                    w2.WriteByteString(IPAddress.Parse("2001:db8::1").GetAddressBytes());
                    w2.WriteEndMap();
                    break;
            }
        }));

        var decoded = Decode(payload);

        var expected = form == "v6" ? IPAddress.Parse("2001:db8::1") : IPAddress.Parse("1.2.3.4");
        Assert.Equal(expected, decoded.NodeRecords[0].NodeAddr!.Ip);
        Assert.Equal([5000], decoded.NodeRecords[0].NodeAddr!.Ports.ToArray());
    }

    [Fact]
    public void Ipv4_mapped_ipv6_is_read_as_ipv4()
    {
        var signed = NodeA.Sign([], 1);
        byte[] payload = RecordSamples.Cbor(w => WriteGossip(w, signed, w2 =>
        {
            w2.WriteStartMap(1);
            w2.WriteTextString("V6");
            w2.WriteByteString(IPAddress.Parse("::ffff:10.0.0.1").GetAddressBytes());
            w2.WriteEndMap();
        }));

        Assert.Equal(IPAddress.Parse("10.0.0.1"), Decode(payload).NodeRecords[0].NodeAddr!.Ip);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3")]
    [InlineData("fe80::1%2")]
    [InlineData("")]
    public void Reader_refuses_non_canonical_text_ips(string text)
    {
        var signed = NodeA.Sign([], 1);
        byte[] payload = RecordSamples.Cbor(w => WriteGossip(w, signed, w2 => w2.WriteTextString(text)));
        Assert.Throws<CoresDecodeException>(() => Decode(payload));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(0)]
    [InlineData(65536)]
    public void Ports_out_of_range_are_refused(int port)
    {
        var signed = NodeA.Sign([], 1);
        byte[] payload = RecordSamples.Cbor(w => WriteGossip(w, signed, w2 => w2.WriteTextString("1.2.3.4"), port));
        Assert.Throws<CoresDecodeException>(() => Decode(payload));
    }

    [Fact]
    public void Unknown_fields_are_refused_at_0_1_and_skipped_at_a_newer_minor()
    {
        var signed = NodeA.Sign([], 1);
        byte[] payload = RecordSamples.Cbor(w =>
        {
            w.WriteStartMap(2);
            w.WriteTextString("node_records");
            w.WriteStartArray(1);
            w.WriteStartMap(3);
            w.WriteTextString("signed_data");
            w.WriteByteString(signed.SignedData.Span);
            w.WriteTextString("signature");
            w.WriteByteString(signed.Signature.Span);
            w.WriteTextString("future");
            w.WriteStartArray(1);
            w.WriteInt32(1);
            w.WriteEndArray();
            w.WriteEndMap();
            w.WriteEndArray();
            w.WriteTextString("more_future");
            w.WriteNull();
            w.WriteEndMap();
        });

        var strict = Assert.Throws<CoresDecodeException>(() => Decode(payload));
        Assert.Equal(CoresDecodeError.UnknownField, strict.Error);
        var lenient = Masq.Node.Neighborhood.Gossip.Gossip.Decode(new GossipMessage(new VersionedData(new DataVersion(0, 2), payload)));
        Assert.Null(lenient.NodeRecords[0].NodeAddr);
        Assert.Throws<CoresDecodeException>(() => Masq.Node.Neighborhood.Gossip.Gossip.Decode(new GossipMessage(new VersionedData(new DataVersion(1, 0), payload))));
    }

    [Fact]
    public void Signed_data_and_signature_as_arrays_of_uints_are_accepted()
    {
        var signed = NodeA.Sign([], 1);
        byte[] payload = RecordSamples.Cbor(w =>
        {
            w.WriteStartMap(1);
            w.WriteTextString("node_records");
            w.WriteStartArray(1);
            w.WriteStartMap(3);
            w.WriteTextString("signed_data");
            CoresCbor.WriteByteArray(w, signed.SignedData.Span);
            w.WriteTextString("signature");
            CoresCbor.WriteByteArray(w, signed.Signature.Span);
            w.WriteTextString("node_addr_opt");
            w.WriteNull();
            w.WriteEndMap();
            w.WriteEndArray();
            w.WriteEndMap();
        });

        Assert.True(Decode(payload).NodeRecords[0].Record.HasSameBytes(signed));
    }

    [Fact]
    public void Record_count_above_the_limit_is_refused_before_reading()
    {
        // {"node_records": array(MaxRecords + 1) of nulls}: refused on the count, before any element is read.
        byte[] payload = [0xa1, 0x6c, .. "node_records"u8, 0x99, 0x08, 0x01, .. Enumerable.Repeat((byte)0xf6, 0x0801)];
        Assert.Equal(Masq.Node.Neighborhood.Gossip.Gossip.MaxRecords + 1, 0x0801);

        var e = Assert.Throws<CoresDecodeException>(() => Decode(payload));
        Assert.Equal(CoresDecodeError.TooLarge, e.Error);
    }

    [Fact]
    public void Missing_fields_are_refused()
    {
        Assert.Throws<CoresDecodeException>(() => Decode(RecordSamples.Cbor(w =>
        {
            w.WriteStartMap(0);
            w.WriteEndMap();
        })));
        Assert.Throws<CoresDecodeException>(() => Decode(RecordSamples.Cbor(w =>
        {
            w.WriteStartMap(1);
            w.WriteTextString("node_records");
            w.WriteStartArray(1);
            w.WriteStartMap(1);
            w.WriteTextString("signed_data");
            w.WriteByteString([1, 2, 3]);
            w.WriteEndMap();
            w.WriteEndArray();
            w.WriteEndMap();
        })));
    }

    [Theory]
    [InlineData("NoNeighbors")]
    [InlineData("NoSuitableNeighbors")]
    [InlineData("ManualRejection")]
    [InlineData("Unknown")]
    public void Gossip_failure_round_trips_as_a_unit_variant_name(string name)
    {
        var kind = Enum.Parse<GossipFailureKind>(name);
        var message = GossipFailureCodec.ToMessage(kind);

        Assert.Equal(name, new CborReader(message.Data.Bytes).ReadTextString());
        Assert.Equal(kind, GossipFailureCodec.Decode(message));
        Assert.Equal(new DataVersion(0, 1), message.Data.Version);
    }

    [Fact]
    public void Gossip_failure_reader_accepts_the_tagged_map_form_and_refuses_unknown_names()
    {
        byte[] map = RecordSamples.Cbor(w =>
        {
            w.WriteStartMap(1);
            w.WriteTextString("NoSuitableNeighbors");
            w.WriteNull();
            w.WriteEndMap();
        });
        Assert.Equal(GossipFailureKind.NoSuitableNeighbors, GossipFailureCodec.Decode(new GossipFailureMessage(new VersionedData(DataVersion.V0_1, map))));

        byte[] unknown = RecordSamples.Cbor(w => w.WriteTextString("Overloaded"));
        var e = Assert.Throws<CoresDecodeException>(() => GossipFailureCodec.Decode(new GossipFailureMessage(new VersionedData(DataVersion.V0_1, unknown))));
        Assert.Equal(CoresDecodeError.UnknownVariant, e.Error);
    }

    [Fact]
    public void Fuzzed_gossip_never_throws_anything_but_cores_decode_exception()
    {
        byte[][] seeds =
        [
            GossipTestSetup.Msg(NodeA.Record([NodeB.Key], 3), NodeB.Record([NodeA.Key], 7, revealAddress: false)).ToMessage().Data.Bytes.ToArray(),
            GossipTestSetup.Msg(NodeA.Record([], 0, address: new NodeAddr(IPAddress.Parse("2001:db8::5"), [1025, 65535]))).ToMessage().Data.Bytes.ToArray(),
            GossipTestSetup.Msg().ToMessage().Data.Bytes.ToArray(),
        ];

        var outcome = FuzzHarness.Run("Gossip.Decode", seeds, seed: 77, input =>
        {
            var decoded = Decode(input.ToArray());
            var again = Masq.Node.Neighborhood.Gossip.Gossip.Decode(decoded.ToMessage());
            Assert.Equal(decoded.NodeRecords.Count, again.NodeRecords.Count);
        }, cases: 10_000);

        Assert.True(outcome.Accepted > 0, "no mutated input decoded");
        Assert.True(outcome.Rejected > 0, "no mutated input was rejected");
    }

    [Fact]
    public void Fuzzed_gossip_failure_never_throws_anything_but_cores_decode_exception()
    {
        byte[][] seeds = [.. Enum.GetValues<GossipFailureKind>().Select(kind => GossipFailureCodec.ToMessage(kind).Data.Bytes.ToArray())];

        var outcome = FuzzHarness.Run("GossipFailureCodec.Decode", seeds, seed: 78, input =>
            GossipFailureCodec.Decode(new GossipFailureMessage(new VersionedData(DataVersion.V0_1, input))), cases: 5000);

        Assert.True(outcome.Accepted > 0 && outcome.Rejected > 0);
    }

    [Fact]
    public void Fuzzed_gossip_through_the_acceptor_never_throws()
    {
        // Decoding plus verification and handling: anything that decodes is handled without exceptions.
        var root = GossipTestNode.Create(50);
        var acceptor = new GossipAcceptor(root.Crypt, root.Time);
        byte[][] seeds =
        [
            GossipTestSetup.Msg(NodeA.Record([NodeB.Key], 3), NodeB.Record([NodeA.Key], 7)).ToMessage().Data.Bytes.ToArray(),
            GossipTestSetup.Msg(NodeA.Record([], 0)).ToMessage().Data.Bytes.ToArray(),
        ];

        FuzzHarness.Run("GossipAcceptor.Handle", seeds, seed: 79, input =>
        {
            var gossip = Decode(input.ToArray());
            Assert.NotNull(acceptor.Handle(root.Db, gossip, NodeA.Socket).Outcome);
        }, cases: 3000);
    }

    private static Masq.Node.Neighborhood.Gossip.Gossip Decode(byte[] payload) =>
        Masq.Node.Neighborhood.Gossip.Gossip.Decode(new GossipMessage(new VersionedData(DataVersion.V0_1, payload)));

    private static void WriteGossip(CborWriter w, SignedNodeRecord signed, Action<CborWriter> writeIp, int port = 5000)
    {
        w.WriteStartMap(1);
        w.WriteTextString("node_records");
        w.WriteStartArray(1);
        w.WriteStartMap(3);
        w.WriteTextString("signed_data");
        w.WriteByteString(signed.SignedData.Span);
        w.WriteTextString("signature");
        w.WriteByteString(signed.Signature.Span);
        w.WriteTextString("node_addr_opt");
        w.WriteStartMap(2);
        w.WriteTextString("ip_addr");
        writeIp(w);
        w.WriteTextString("ports");
        w.WriteStartArray(1);
        w.WriteInt32(port);
        w.WriteEndArray();
        w.WriteEndMap();
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteEndMap();
    }
}
