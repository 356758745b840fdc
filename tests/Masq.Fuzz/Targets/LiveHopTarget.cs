using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Fuzz.Targets;

/// <summary>One hop of a route as a relay reads it after opening it, including the payer proof's recovery.</summary>
internal sealed class LiveHopTarget : FuzzTarget
{
    private static readonly byte[] SecretKey = new byte[32];

    public override string Name => "live-hop";

    public override string Description => "LiveHop.Decode and the payer proof check";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        try
        {
            var hop = LiveHop.Decode(input.ToArray());
            FuzzFinding.Check(hop.Equals(LiveHop.Decode(hop.Encode())), "a decoded hop does not survive re-encoding");
            hop.PayerOwnsSecretKey(SecretKey);
        }
        catch (CoresDecodeException)
        {
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        using var payer = SeedSamples.PayerSigner();
        var reader = SeedSamples.NullNode(1).PublicKey;
        yield return ("paid", new LiveHop(reader, payer.SignFor(reader), Component.Hopper).Encode());
        yield return ("unpaid-empty-key", new LiveHop(PublicKey.Empty, null, Component.ProxyServer).Encode());
        yield return ("paid-64-byte-key", new LiveHop(new PublicKey(new byte[64]), payer.SignFor(reader), Component.ProxyClient).Encode());
    }
}
