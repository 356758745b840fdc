using Masq.Node.Crypto;
using Masq.Node.Hopper;
using Masq.Node.Protocol;
using Masq.Node.Tests.Crypto;
using Masq.Node.Tests.Protocol;

namespace Masq.Node.Tests.Hopper;

/// <summary>
/// The relay's cache of opened hops and of payer checks: a payer's proof is recovered once per payer, not once per route,
/// and the cache never lets a hop borrow another's verdict.
/// </summary>
public sealed class HopCacheTests : IDisposable
{
    private readonly CryptDeReal _originator = CryptDeReal.Generate(TestChains.Dev);
    private readonly CryptDeReal _relay = CryptDeReal.Generate(TestChains.Dev);
    private readonly CryptDeReal _other = CryptDeReal.Generate(TestChains.Dev);
    private readonly PayerSigner _signer = ProtocolSamples.PayerSigner();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void Hops_of_two_routes_by_one_payer_are_both_proven()
    {
        var cache = new HopCache(_relay);

        var first = cache.Open(SealedHop(_signer.SignFor(_relay.PublicKey)));
        var second = cache.Open(SealedHop(_signer.SignFor(_relay.PublicKey)));

        Assert.NotSame(first, second);
        Assert.True(first.PayerProven);
        Assert.True(second.PayerProven);
    }

    [Fact]
    public void A_proof_made_for_another_relay_is_refused_after_the_same_wallet_was_proven_here()
    {
        var cache = new HopCache(_relay);
        Assert.True(cache.Open(SealedHop(_signer.SignFor(_relay.PublicKey))).PayerProven);

        // Same wallet, a valid proof, but made for another Node: copied from a route through it.
        var copied = cache.Open(SealedHop(_signer.SignFor(_other.PublicKey)));

        Assert.False(copied.PayerProven);
        Assert.True(cache.Open(SealedHop(_signer.SignFor(_relay.PublicKey))).PayerProven);
    }

    [Fact]
    public void A_hop_without_a_payer_is_not_proven()
    {
        var cache = new HopCache(_relay);

        Assert.False(cache.Open(SealedHop(null)).PayerProven);
    }

    /// <summary>A hop towards <see cref="_other"/>, sealed for the relay (a fresh seal, so other bytes each time).</summary>
    private byte[] SealedHop(Payer? payer) =>
        new LiveHop(_other.PublicKey, payer, Component.Hopper).Seal(_originator, _relay.PublicKey);
}
