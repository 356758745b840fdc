using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Fuzz.Targets;

/// <summary>The CORES package decoder (what a relay reads after opening a sealed package), then each hop it carries.</summary>
internal sealed class CoresPackageTarget : FuzzTarget
{
    public override string Name => "cores-package";

    public override string Description => "LiveCoresPackage.Decode, then LiveHop.Decode of every hop";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        try
        {
            var package = LiveCoresPackage.Decode(input.ToArray());
            foreach (var hop in package.Route.Hops)
            {
                try
                {
                    LiveHop.Decode(hop);
                }
                catch (CoresDecodeException)
                {
                }
            }

            // What decoded must encode again.
            LiveCoresPackage.Decode(package.Encode());
        }
        catch (CoresDecodeException)
        {
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        using var payer = SeedSamples.PayerSigner();
        yield return ("paid-round-trip", new LiveCoresPackage(SeedSamples.NullRoundTrip(payer), new byte[] { 1, 2, 3 }).Encode());
        yield return ("unpaid-round-trip", new LiveCoresPackage(SeedSamples.NullRoundTrip(null), new byte[300]).Encode());
        yield return ("one-hop-empty-payload", new LiveCoresPackage(new Route([new byte[] { 0x40 }]), ReadOnlyMemory<byte>.Empty).Encode());
        var reader = SeedSamples.NullNode(1).PublicKey;
        yield return ("plain-hops", new LiveCoresPackage(
            new Route([new LiveHop(reader, payer.SignFor(reader), Component.Hopper).Encode(), new LiveHop(PublicKey.Empty, null, Component.ProxyServer).Encode()]),
            new byte[] { 0xa0 }).Encode());
    }
}
