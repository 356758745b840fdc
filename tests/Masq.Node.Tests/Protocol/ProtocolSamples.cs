using System.Net;
using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Masq.Node.Tests.Crypto;
using Nethereum.Signer;

namespace Masq.Node.Tests.Protocol;

/// <summary>Deterministic sample records and keys shared by the protocol tests.</summary>
internal static class ProtocolSamples
{
    /// <summary>Ganache's first deterministic account: a public test key, address 0x90F8…c9C1.</summary>
    public const string ConsumingWalletPrivateKey = "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";

    public static StreamKey StreamKey { get; } = StreamKey.FromBytes(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());

    public static IPEndPoint Neighbor { get; } = new(IPAddress.Parse("1.2.3.4"), 5678);

    public static EthECKey ConsumingWallet() => new(ConsumingWalletPrivateKey);

    public static PayerSigner PayerSigner(byte[]? chain = null) => new(ConsumingWallet(), chain ?? TestChains.Dev);

    public static CryptDeNull NullNode(byte id) =>
        new(new PublicKey(Enumerable.Range(0, 8).Select(i => (byte)(id + i)).ToArray()), TestChains.Dev);

    public static ClientRequestPayload Request(PublicKey originator, int dataLength = 100, string? host = "example.com") =>
        new(
            StreamKey,
            new SequencedPacket(Enumerable.Range(0, dataLength).Select(i => (byte)(i * 7)).ToArray(), 3, LastData: false),
            host,
            443,
            ProxyProtocol.Tls,
            originator);

    public static ClientResponsePayload Response(int dataLength = 100) =>
        new(StreamKey, new SequencedPacket(Enumerable.Range(0, dataLength).Select(i => (byte)(255 - i)).ToArray(), 5, LastData: true));

    public static IReadOnlyList<MessageType> Messages(PublicKey originator) =>
    [
        new ClientRequestMessage(Request(originator)),
        new ClientRequestMessage(Request(originator, 0, host: null) with { Protocol = ProxyProtocol.Http, TargetPort = 80 }),
        new ClientResponseMessage(Response()),
        new ClientResponseMessage(ClientResponsePayload.Terminating(StreamKey)),
        new DnsResolveFailedMessage(new DnsResolveFailure(StreamKey)),
        new ServerFailedMessage(new ServerFailure(StreamKey, ServerFailureKind.ConnectionRefused, 0)),
        new ServerFailedMessage(new ServerFailure(StreamKey, ServerFailureKind.ConnectionReset, 70000)),
        new GossipMessage(new VersionedData(DataVersion.V0_1, new byte[] { 0xa0 })),
        new GossipFailureMessage(new VersionedData(new DataVersion(0, 1), new byte[] { 1, 2, 3 })),
    ];

    /// <summary>A 3-relay round trip on CryptDeNull Nodes: readable bytes, same shapes as real ones.</summary>
    public static (Route Route, CryptDeNull[] Nodes) NullRoundTrip(PayerSigner? payer, uint returnRouteId = 17)
    {
        CryptDeNull[] nodes = [NullNode(10), NullNode(40), NullNode(70), NullNode(100), NullNode(130), NullNode(160)];
        var (o, r1, r2, x, r3, r4) = (nodes[0], nodes[1], nodes[2], nodes[3], nodes[4], nodes[5]);
        var route = Route.RoundTrip(
            new RouteSegment([o.PublicKey, r1.PublicKey, r2.PublicKey, x.PublicKey], Component.ProxyClient),
            new RouteSegment([x.PublicKey, r3.PublicKey, r4.PublicKey, o.PublicKey], Component.ProxyServer),
            o,
            payer,
            returnRouteId);
        return (route, nodes);
    }
}
