using Masq.Node.Crypto;

namespace Masq.Node.Tests.Crypto;

public sealed class CryptDeNullTests
{
    private readonly CryptDeNull _alice = new(new PublicKey([1, 2, 3, 4]), CryptDeNull.DevChainContract);
    private readonly CryptDeNull _bob = new(new PublicKey([10, 20, 30, 200]), CryptDeNull.DevChainContract);

    [Fact]
    public void Sealing_prefixes_the_recipients_private_key()
    {
        var sealedBytes = _alice.Seal(_bob.PublicKey, [7, 8]);

        Assert.Equal(new byte[] { 138, 148, 158, 72, 7, 8 }, sealedBytes);
        Assert.Equal(new byte[] { 7, 8 }, _bob.Open(sealedBytes));
    }

    [Fact]
    public void Opening_data_sealed_for_another_key_fails_instead_of_panicking()
    {
        var sealedBytes = _alice.Seal(_bob.PublicKey, [7, 8]);

        Assert.Null(_alice.TryOpen(sealedBytes));
        Assert.Throws<CryptDeException>(() => _alice.Open(sealedBytes));
        Assert.Null(_alice.TryOpen([1]));
    }

    [Fact]
    public void Signatures_verify_only_for_signer_and_data()
    {
        var signature = _alice.Sign("data"u8);

        Assert.True(_bob.Verify("data"u8, signature, _alice.PublicKey));
        Assert.False(_bob.Verify("date"u8, signature, _alice.PublicKey));
        Assert.False(_bob.Verify("data"u8, signature, _bob.PublicKey));
        Assert.False(_bob.Verify("data"u8, signature.AsSpan(1), _alice.PublicKey));
    }

    [Fact]
    public void Random_is_all_fours_and_alias_is_the_reversed_key()
    {
        var random = new byte[5];
        _alice.FillRandom(random);

        Assert.Equal("44444"u8.ToArray(), random);
        Assert.Equal(new PublicKey([4, 3, 2, 1]), _alice.CreateAlias().PublicKey);
    }

    [Fact]
    public void Export_and_descriptor_fragment_round_trip()
    {
        var restored = CryptDeNull.Import(_alice.ExportKeyPair(), CryptDeNull.DevChainContract);
        Assert.Equal(_alice.PublicKey, restored.PublicKey);

        Assert.True(_bob.TryParseDescriptorFragment(_bob.ToDescriptorFragment(_alice.PublicKey), out var parsed));
        Assert.Equal(_alice.PublicKey, parsed);
        Assert.Throws<CryptDeException>(() => CryptDeNull.Import([], CryptDeNull.DevChainContract));
    }

    [Fact]
    public void Digest_depends_on_key_and_chain()
    {
        var onOtherChain = new CryptDeNull(_alice.PublicKey, TestChains.BaseSepolia);

        Assert.Equal(32, _alice.Digest().Length);
        Assert.NotEqual(_alice.Digest(), _bob.Digest());
        Assert.NotEqual(_alice.Digest(), onOtherChain.Digest());
    }
}
