using System.Net;
using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Masq.Node.Tests.Crypto;

using Masq.Lib.Blockchains;

namespace Masq.Node.Tests.Protocol;

public sealed class RoundTripTests
{
    private static readonly PublicKey Originator = new(Enumerable.Repeat((byte)0x33, 64).ToArray());

    public static TheoryData<int> MessageIndexes() => [.. Enumerable.Range(0, ProtocolSamples.Messages(Originator).Count)];

    [Theory]
    [MemberData(nameof(MessageIndexes))]
    public void Every_message_variant_round_trips(int index)
    {
        var message = ProtocolSamples.Messages(Originator)[index];

        var decoded = MessageType.Decode(message.Encode());

        Assert.Equal(message, decoded);
        Assert.Equal(message.GetType(), decoded.GetType());
    }

    [Fact]
    public void A_16_KiB_request_round_trips()
    {
        var message = new ClientRequestMessage(ProtocolSamples.Request(Originator, 16 * 1024));

        Assert.Equal(message, MessageType.Decode(message.Encode()));
    }

    [Theory]
    [InlineData(0ul, false, 0)]
    [InlineData(42ul, true, 10)]
    [InlineData(ulong.MaxValue, false, 16384)]
    public void Sequenced_packets_round_trip(ulong sequence, bool last, int length)
    {
        var packet = new SequencedPacket(Enumerable.Repeat((byte)9, length).ToArray(), sequence, last);

        var encoded = packet.Encode();

        Assert.Equal(9 + length, encoded.Length);
        Assert.Equal(packet, SequencedPacket.Decode(encoded));
    }

    [Fact]
    public void Sequenced_packet_layout_is_flag_then_big_endian_sequence_then_data()
    {
        var encoded = new SequencedPacket(new byte[] { 0xAA }, 0x0102, LastData: true).Encode();

        Assert.Equal(Convert.FromHexString("010000000000000102AA"), encoded);
    }

    [Fact]
    public void Live_hops_round_trip_with_and_without_payer()
    {
        using var payer = ProtocolSamples.PayerSigner();
        var reader = ProtocolSamples.NullNode(1).PublicKey;
        LiveHop[] hops =
        [
            new(Originator, null, Component.Hopper),
            new(Originator, payer.SignFor(reader), Component.ProxyClient),
            new(PublicKey.Empty, payer.SignFor(reader), Component.ProxyServer),
            new(new PublicKey([1]), null, Component.Neighborhood),
        ];

        foreach (var hop in hops)
        {
            Assert.Equal(hop, LiveHop.Decode(hop.Encode()));
        }
    }

    [Fact]
    public void Sealed_hops_open_for_their_reader()
    {
        var reader = CryptDeReal.Generate(TestChains.Dev);
        var hop = new LiveHop(Originator, null, Component.Hopper);

        Assert.Equal(hop, LiveHop.Open(reader, hop.Seal(reader, reader.PublicKey)));
    }

    [Fact]
    public void Live_cores_packages_round_trip_plain_and_sealed()
    {
        using var payer = ProtocolSamples.PayerSigner();
        var (route, nodes) = ProtocolSamples.NullRoundTrip(payer);
        var package = new LiveCoresPackage(route, Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray());

        Assert.Equal(package, LiveCoresPackage.Decode(package.Encode()));
        Assert.Equal(package, LiveCoresPackage.Open(nodes[1], package.Seal(nodes[0], nodes[1].PublicKey)));
    }

    [Fact]
    public void Incipient_packages_carry_the_payload_sealed_for_its_destination()
    {
        var (route, nodes) = ProtocolSamples.NullRoundTrip(payer: null);
        var message = new ClientRequestMessage(ProtocolSamples.Request(nodes[0].PublicKey));

        var incipient = IncipientCoresPackage.Create(nodes[0], route, message, nodes[3].PublicKey);

        Assert.Equal(message, MessageType.Decode(nodes[3].Open(incipient.Payload.Span)));
        Assert.Equal(incipient, incipient with { Payload = incipient.Payload.ToArray() });
    }

    [Fact]
    public void Stream_keys_round_trip_and_print_as_unpadded_base64()
    {
        var key = ProtocolSamples.StreamKey;

        Assert.Equal(key, StreamKey.FromBytes(key.ToArray()));
        Assert.Equal("AQIDBAUGBwgJCgsMDQ4PEBESExQ", key.ToString());
        Assert.Throws<ArgumentException>(() => StreamKey.FromBytes(new byte[19]));
    }

    [Fact]
    public void Stream_key_derivation_depends_on_every_input()
    {
        var salt = new byte[StreamKey.SaltLength];
        var otherSalt = Enumerable.Repeat((byte)1, StreamKey.SaltLength).ToArray();
        var client = new IPEndPoint(IPAddress.Loopback, 50000);

        var key = StreamKey.Derive(Originator, client, salt);

        Assert.Equal(key, StreamKey.Derive(Originator, client, salt));
        Assert.NotEqual(key, StreamKey.Derive(Originator, new IPEndPoint(IPAddress.Loopback, 50001), salt));
        Assert.NotEqual(key, StreamKey.Derive(Originator, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 50000), salt));
        Assert.NotEqual(key, StreamKey.Derive(Originator, new IPEndPoint(IPAddress.IPv6Loopback, 50000), salt));
        Assert.NotEqual(key, StreamKey.Derive(Originator, client, otherSalt));
        Assert.NotEqual(key, StreamKey.Derive(new PublicKey([1, 2, 3]), client, salt));
    }

    [Fact]
    public void Wallet_addresses_parse_either_case_and_print_lower_case()
    {
        Assert.True(WalletAddress.TryParse("0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1", out var address, out _));

        Assert.Equal("0x90f8bf6a479f320ead074411a4b0e7944ea8c9c1", address.ToString());
        Assert.False(WalletAddress.TryParse("90f8bf6a479f320ead074411a4b0e7944ea8c9c1", out _, out _));
        Assert.False(WalletAddress.TryParse("0x90f8bf6a479f320ead074411a4b0e7944ea8c9cg", out _, out _));
        Assert.False(WalletAddress.TryParse("0x90f8", out _, out _));
    }
}
