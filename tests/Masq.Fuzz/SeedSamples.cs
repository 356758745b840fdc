using System.Net;
using System.Security.Cryptography;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;
using Nethereum.Signer;
using Chain = Masq.Lib.Blockchains.Chain;

namespace Masq.Fuzz;

/// <summary>Deterministic keys and records for the seed corpus, built with the product's own encoders.</summary>
internal static class SeedSamples
{
    /// <summary>Ganache's first deterministic account: a public test key.</summary>
    private const string ConsumingWalletPrivateKey = "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d";

    public static readonly WalletAddress Wallet = WalletAddress.Parse("0x0102030405060708090a0b0c0d0e0f1011121314");

    public static StreamKey StreamKey { get; } = StreamKey.FromBytes(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());

    public static PayerSigner PayerSigner() => new(new EthECKey(ConsumingWalletPrivateKey), Chain.Dev.ContractAddress.Bytes);

    public static CryptDeNull NullNode(byte id) =>
        new(new PublicKey(Enumerable.Range(0, 8).Select(i => (byte)(id + i)).ToArray()), Chain.Dev.ContractAddress.Bytes);

    /// <summary>Keys derived from the number, so the corpus is the same on every run.</summary>
    public static CryptDeReal RealNode(int number)
    {
        byte[] seed = SHA512.HashData(BitConverter.GetBytes(number));
        return CryptDeReal.Import([1, .. seed], Chain.Dev.ContractAddress.Bytes);
    }

    public static PublicKey Key(byte fill) => new(Enumerable.Repeat(fill, NodeRecordInner.PublicKeyLength).ToArray());

    public static NodeRecordInner Inner(PublicKey key, uint version, string? country = "AT", int neighbors = 3) =>
        new(key, Wallet, RatePack.Default, Enumerable.Range(0, neighbors).Select(i => Key((byte)(i + 3))), acceptsConnections: true, routesData: true, version, country);

    public static GossipNodeRecord GossipRecord(int number, uint version, bool revealAddress)
    {
        var node = RealNode(number);
        var address = new NodeAddr(new IPAddress([10, 0, 0, (byte)number]), [5000 + number, 6000 + number]);
        return new GossipNodeRecord(SignedNodeRecord.Create(node, Inner(node.PublicKey, version)), revealAddress ? address : null);
    }

    /// <summary>A 3-relay round trip on CryptDeNull Nodes: readable bytes, same shapes as real ones.</summary>
    public static Route NullRoundTrip(PayerSigner? payer, uint returnRouteId = 17)
    {
        CryptDeNull[] n = [NullNode(10), NullNode(40), NullNode(70), NullNode(100), NullNode(130), NullNode(160)];
        return Route.RoundTrip(
            new RouteSegment([n[0].PublicKey, n[1].PublicKey, n[2].PublicKey, n[3].PublicKey], Component.ProxyClient),
            new RouteSegment([n[3].PublicKey, n[4].PublicKey, n[5].PublicKey, n[0].PublicKey], Component.ProxyServer),
            n[0],
            payer,
            returnRouteId);
    }

    public static ClientRequestPayload Request(PublicKey originator, int dataLength, string? host) =>
        new(
            StreamKey,
            new SequencedPacket(Enumerable.Range(0, dataLength).Select(i => (byte)(i * 7)).ToArray(), 3, LastData: false),
            host,
            443,
            ProxyProtocol.Tls,
            originator);
}
