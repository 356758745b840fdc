using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Nethereum.Signer;

namespace Masq.Benchmarks;

/// <summary>
/// A LiveCoresPackage with a 3-hop over route (plus the back route, as round trips carry) and a 16 KiB payload:
/// CBOR encode/decode alone, and the whole relay step (open, shift, re-seal) a relay does per package.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes it in the [GlobalCleanup] method.")]
public class CoresPackageBenchmarks
{
    private const int PayloadLength = 16 * 1024;

    private CryptDeReal _relay = null!;
    private CryptDeReal _next = null!;
    private LiveCoresPackage _package = null!;
    private byte[] _encoded = null!;
    private byte[] _sealedForRelay = null!;
    private PayerSigner _payer = null!;
    private Payer _hopPayer = null!;
    private byte[] _relayDigest = null!;
    private byte[] _message = null!;
    private ClientRequestMessage _request = null!;
    private CryptDeReal _originator = null!;
    private RouteSegment _over = null!;
    private RouteSegment _back = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] contract = Convert.FromHexString("898e1ce720084a902bc37dd822ed6d6a5f027e10");
        var o = CryptDeReal.Generate(contract);
        _relay = CryptDeReal.Generate(contract);
        _next = CryptDeReal.Generate(contract);
        var x = CryptDeReal.Generate(contract);
        var r3 = CryptDeReal.Generate(contract);
        var r4 = CryptDeReal.Generate(contract);
        _payer = new PayerSigner(EthECKey.GenerateKey(), contract);
        _originator = o;
        _over = new RouteSegment([o.PublicKey, _relay.PublicKey, _next.PublicKey, x.PublicKey], Component.ProxyClient);
        _back = new RouteSegment([x.PublicKey, r3.PublicKey, r4.PublicKey, o.PublicKey], Component.ProxyServer);
        var route = Route.RoundTrip(_over, _back, o, _payer, 1);
        var (_, shifted) = route.Shift(o);
        _package = new LiveCoresPackage(shifted, RandomNumberGenerator.GetBytes(PayloadLength));
        _encoded = _package.Encode();
        _sealedForRelay = _package.Seal(o, _relay.PublicKey);
        _hopPayer = _payer.SignFor(_relay.PublicKey);
        _relayDigest = _relay.Digest();
        var originator = o.CreateAlias().PublicKey;
        var request = new ClientRequestPayload(
            StreamKey.FromBytes(new byte[StreamKey.Length]),
            new SequencedPacket(RandomNumberGenerator.GetBytes(PayloadLength), 1, false),
            "example.com",
            443,
            ProxyProtocol.Tls,
            originator);
        _request = new ClientRequestMessage(request);
        _message = _request.Encode();
    }

    [GlobalCleanup]
    public void Cleanup() => _payer.Dispose();

    [Benchmark(Description = "LCP encode (8 hops, 16 KiB)")]
    public byte[] Encode() => _package.Encode();

    [Benchmark(Description = "LCP decode (8 hops, 16 KiB)")]
    public int Decode() => LiveCoresPackage.Decode(_encoded).Payload.Length;

    [Benchmark(Description = "relay step: open + shift + re-seal")]
    public byte[] RelayStep()
    {
        var received = LiveCoresPackage.Open(_relay, _sealedForRelay);
        var (hop, next) = received.ToNextLive(_relay);
        return next.Seal(_relay, hop.PublicKey);
    }

    [Benchmark(Description = "route build, 3-hop round trip (what a new stream's originator pays)")]
    public int BuildRoute() => Route.RoundTrip(_over, _back, _originator, _payer, 2).Hops.Length;

    [Benchmark(Description = "payer proof check (secp256k1 recover)")]
    public bool PayerCheck() => _hopPayer.OwnsSecretKey(_relayDigest);

    [Benchmark(Description = "MessageType encode (16 KiB request)")]
    public byte[] EncodeMessage() => _request.Encode();

    [Benchmark(Description = "MessageType decode (16 KiB request)")]
    public int DecodeMessage() => MessageType.Decode(_message).GetHashCode();
}
