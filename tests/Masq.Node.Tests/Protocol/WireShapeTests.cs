using System.Formats.Cbor;
using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Tests.Protocol;

/// <summary>The encodings follow the serde_cbor shapes of data-path.md §3.</summary>
public sealed class WireShapeTests
{
    private static readonly PublicKey Key = new([1, 2, 3]);

    [Fact]
    public void Live_hop_is_a_map_of_public_key_payer_and_component_in_declaration_order()
    {
        var reader = new CborReader(new LiveHop(Key, null, Component.ProxyClient).Encode());

        Assert.Equal(3, reader.ReadStartMap());
        Assert.Equal("public_key", reader.ReadTextString());
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.ReadByteString());
        Assert.Equal("payer", reader.ReadTextString());
        reader.ReadNull();
        Assert.Equal("component", reader.ReadTextString());
        Assert.Equal(3u, reader.ReadUInt32());
        reader.ReadEndMap();
    }

    [Fact]
    public void Payer_is_an_indefinite_map_with_text_address_and_uint_array_proof()
    {
        using var signer = ProtocolSamples.PayerSigner();
        var encoded = new LiveHop(Key, signer.SignFor(Key), Component.Hopper).Encode();
        var reader = new CborReader(encoded);
        reader.ReadStartMap();
        reader.ReadTextString();
        reader.ReadByteString();
        Assert.Equal("payer", reader.ReadTextString());

        Assert.Null(reader.ReadStartMap());
        Assert.Equal("address", reader.ReadTextString());
        Assert.Equal("0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1", reader.ReadTextString());
        Assert.Equal("proof", reader.ReadTextString());
        Assert.Equal(3, reader.ReadStartMap());
        Assert.Equal("v", reader.ReadTextString());
        Assert.InRange(reader.ReadUInt32(), 0u, 1u);
        Assert.Equal("r", reader.ReadTextString());
        Assert.Equal(32, reader.ReadStartArray());
    }

    [Fact]
    public void Live_cores_package_has_version_route_and_payload()
    {
        var route = new Route([new byte[] { 9 }, new byte[] { 8, 7 }]);
        var reader = new CborReader(new LiveCoresPackage(route, new byte[] { 5 }).Encode());

        Assert.Equal(3, reader.ReadStartMap());
        Assert.Equal("version", reader.ReadTextString());
        Assert.Equal(3, reader.ReadStartArray());
        Assert.Equal(0u, reader.ReadUInt32());
        Assert.Equal(0u, reader.ReadUInt32());
        Assert.Equal(0u, reader.ReadUInt32());
        reader.ReadEndArray();
        Assert.Equal("route", reader.ReadTextString());
        Assert.Equal(1, reader.ReadStartMap());
        Assert.Equal("hops", reader.ReadTextString());
        Assert.Equal(2, reader.ReadStartArray());
        Assert.Equal(new byte[] { 9 }, reader.ReadByteString());
        Assert.Equal(new byte[] { 8, 7 }, reader.ReadByteString());
        reader.ReadEndArray();
        reader.ReadEndMap();
        Assert.Equal("payload", reader.ReadTextString());
        Assert.Equal(new byte[] { 5 }, reader.ReadByteString());
        reader.ReadEndMap();
        Assert.Equal(0, reader.BytesRemaining);
    }

    [Fact]
    public void Server_failure_is_a_map_of_stream_key_kind_as_text_and_sequence_number_and_an_unknown_kind_reads_as_a_reset()
    {
        var failure = new ServerFailure(ProtocolSamples.StreamKey, ServerFailureKind.ConnectTimedOut, 2);
        var data = failure.ToVersionedData();
        var reader = new CborReader(data.Bytes);

        Assert.Equal(3, reader.ReadStartMap());
        Assert.Equal("stream_key", reader.ReadTextString());
        Assert.Equal(20, reader.ReadByteString().Length);
        Assert.Equal("kind", reader.ReadTextString());
        Assert.Equal("ConnectTimedOut", reader.ReadTextString());
        Assert.Equal("sequence_number", reader.ReadTextString());
        Assert.Equal(2u, reader.ReadUInt64());
        reader.ReadEndMap();
        Assert.Equal(failure, ServerFailure.FromVersionedData(data));

        // A kind from a later version: still a failure the originator can answer.
        var writer = new CborWriter();
        writer.WriteStartMap(3);
        writer.WriteTextString("stream_key");
        writer.WriteByteString(new byte[20]);
        writer.WriteTextString("kind");
        writer.WriteTextString("TeleporterJammed");
        writer.WriteTextString("sequence_number");
        writer.WriteUInt64(0);
        writer.WriteEndMap();
        Assert.Equal(ServerFailureKind.ConnectionReset, ServerFailure.FromVersionedData(new VersionedData(DataVersion.V0_1, writer.Encode())).Kind);
        Assert.Equal("ServerFailed", new ServerFailedMessage(failure).Variant);
    }

    [Fact]
    public void Message_is_a_single_variant_map_of_versioned_data_with_byte_string_bytes()
    {
        var message = new DnsResolveFailedMessage(new DnsResolveFailure(ProtocolSamples.StreamKey));
        var reader = new CborReader(message.Encode());

        Assert.Equal(1, reader.ReadStartMap());
        Assert.Equal("DnsResolveFailed", reader.ReadTextString());
        Assert.Equal(3, reader.ReadStartMap());
        Assert.Equal("version", reader.ReadTextString());
        reader.ReadStartMap();
        Assert.Equal("major", reader.ReadTextString());
        Assert.Equal(0u, reader.ReadUInt32());
        Assert.Equal("minor", reader.ReadTextString());
        Assert.Equal(1u, reader.ReadUInt32());
        reader.ReadEndMap();
        Assert.Equal("bytes", reader.ReadTextString());
        var inner = reader.ReadByteString();
        Assert.Equal("phantom", reader.ReadTextString());
        reader.ReadNull();
        reader.ReadEndMap();

        var payload = new CborReader(inner);
        Assert.Equal(1, payload.ReadStartMap());
        Assert.Equal("stream_key", payload.ReadTextString());
        Assert.Equal(ProtocolSamples.StreamKey.ToArray(), payload.ReadByteString());
    }

    [Fact]
    public void Client_request_payload_fields_are_in_declaration_order_with_text_protocol()
    {
        var data = new ClientRequestPayload(ProtocolSamples.StreamKey, new SequencedPacket(new byte[] { 1 }, 2, false), null, 80, ProxyProtocol.Http, Key)
            .ToVersionedData();
        var reader = new CborReader(data.Bytes);

        Assert.Equal(6, reader.ReadStartMap());
        Assert.Equal("stream_key", reader.ReadTextString());
        Assert.Equal(20, reader.ReadByteString().Length);
        Assert.Equal("sequenced_packet", reader.ReadTextString());
        Assert.Equal(Convert.FromHexString("00000000000000000201"), reader.ReadByteString());
        Assert.Equal("target_hostname", reader.ReadTextString());
        reader.ReadNull();
        Assert.Equal("target_port", reader.ReadTextString());
        Assert.Equal(80u, reader.ReadUInt32());
        Assert.Equal("protocol", reader.ReadTextString());
        Assert.Equal("HTTP", reader.ReadTextString());
        Assert.Equal("originator_public_key", reader.ReadTextString());
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.ReadByteString());
        reader.ReadEndMap();
    }
}
