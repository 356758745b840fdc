using System.Security.Cryptography;
using Masq.Node.Crypto;
using Nethereum.Util;
using Sodium;

namespace Masq.Node.Tests.Crypto;

public sealed class CryptDeRealTests
{
    private readonly CryptDeReal _alice = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _bob = CryptDeReal.Generate(TestChains.BaseSepolia);

    [Fact]
    public void Public_key_is_64_bytes_and_differs_per_identity()
    {
        Assert.Equal(64, _alice.PublicKey.Length);
        Assert.NotEqual(_alice.PublicKey, _bob.PublicKey);
        Assert.False(_alice.PublicKey.Span[..32].SequenceEqual(_alice.PublicKey.Span[32..]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(16 * 1024)]
    public void Sealed_data_opens_for_the_recipient_only(int length)
    {
        var plaintext = RandomNumberGenerator.GetBytes(length);

        var sealedBytes = _alice.Seal(_bob.PublicKey, plaintext);

        Assert.Equal(length + 48, sealedBytes.Length);
        Assert.Equal(plaintext, _bob.Open(sealedBytes));
        Assert.Null(_alice.TryOpen(sealedBytes));
        Assert.Throws<CryptDeException>(() => _alice.Open(sealedBytes));
    }

    [Fact]
    public void Sealing_twice_gives_different_ciphertexts()
    {
        var plaintext = "same"u8.ToArray();

        Assert.NotEqual(_alice.Seal(_bob.PublicKey, plaintext), _alice.Seal(_bob.PublicKey, plaintext));
    }

    [Fact]
    public void Any_altered_byte_makes_the_ciphertext_unopenable()
    {
        var sealedBytes = _alice.Seal(_bob.PublicKey, RandomNumberGenerator.GetBytes(100));

        for (int i = 0; i < sealedBytes.Length; i++)
        {
            var altered = (byte[])sealedBytes.Clone();
            altered[i] ^= 0x01;
            Assert.Null(_bob.TryOpen(altered));
        }
    }

    [Fact]
    public void Ciphertext_too_short_or_wrong_destination_is_refused_without_throwing()
    {
        Assert.Equal(-1, _bob.GetOpenedLength(47));
        Assert.False(_bob.TryOpen(new byte[47], Span<byte>.Empty));
        var sealedBytes = _alice.Seal(_bob.PublicKey, new byte[10]);
        Assert.False(_bob.TryOpen(sealedBytes, new byte[9]));
    }

    [Fact]
    public void Sealing_for_a_key_of_the_wrong_shape_or_a_low_order_point_throws_the_typed_error()
    {
        Assert.Throws<CryptDeException>(() => _alice.Seal(new PublicKey(new byte[32]), [1, 2, 3]));
        Assert.Throws<CryptDeException>(() => _alice.Seal(PublicKey.Empty, [1, 2, 3]));
        Assert.Throws<CryptDeException>(() => _alice.Seal(new PublicKey(new byte[64]), [1, 2, 3]));
    }

    [Fact]
    public void A_first_contact_key_from_a_descriptor_is_enough_to_seal_for()
    {
        string fragment = _alice.ToDescriptorFragment(_bob.PublicKey);
        Assert.Equal(43, fragment.Length);

        Assert.True(_alice.TryParseDescriptorFragment(fragment, out var firstContact));

        Assert.True(firstContact.Span[..32].SequenceEqual(_bob.PublicKey.Span[..32]));
        Assert.True(firstContact.Span[32..].IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal("debut"u8.ToArray(), _bob.Open(_alice.Seal(firstContact, "debut"u8)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("OHsC2CAm4rmfCkaFfiynwxflUgVTJRb2oY5mWxNCQk")]
    [InlineData("OHsC2CAm4rmfCkaFfiynwxflUgVTJRb2oY5mWxNCQkYA")]
    [InlineData("OHsC2CAm4rmfCkaFfiynwxflUgVTJRb2oY5mWxNCQk!")]
    [InlineData("OHsC2CAm4rmfCkaFfiynwxflUgVTJRb2oY5mWxNCQk=")]
    public void Malformed_descriptor_fragments_are_refused(string fragment)
    {
        Assert.False(_alice.TryParseDescriptorFragment(fragment, out var key));
        Assert.Null(key);
    }

    [Fact]
    public void The_descriptor_example_of_the_spec_parses()
    {
        Assert.True(_alice.TryParseDescriptorFragment("OHsC2CAm4rmfCkaFfiynwxflUgVTJRb2oY5mWxNCQkY", out var key));
        Assert.Equal(64, key.Length);
    }

    [Fact]
    public void Signatures_verify_for_the_signer_and_data_and_chain_only()
    {
        var data = "node record"u8.ToArray();
        var signature = _alice.Sign(data);

        Assert.Equal(64, signature.Length);
        Assert.True(_bob.Verify(data, signature, _alice.PublicKey));
        Assert.False(_bob.Verify("node recorD"u8, signature, _alice.PublicKey));
        Assert.False(_bob.Verify(data, signature, _bob.PublicKey));
        var otherChain = CryptDeReal.Generate(TestChains.BaseMainnet);
        Assert.False(otherChain.Verify(data, signature, _alice.PublicKey));
        Assert.False(_bob.Verify(data, signature.AsSpan(0, 63), _alice.PublicKey));
        Assert.False(_bob.Verify(data, signature, new PublicKey(new byte[32])));
    }

    [Fact]
    public void Signing_large_data_uses_the_same_scheme()
    {
        var data = RandomNumberGenerator.GetBytes(100_000);

        Assert.True(_bob.Verify(data, _alice.Sign(data), _alice.PublicKey));
    }

    [Fact]
    public void Signatures_are_plain_libsodium_ed25519_over_data_and_contract()
    {
        var data = "interop"u8.ToArray();
        var signature = _alice.Sign(data);

        byte[] message = [.. data, .. TestChains.BaseSepolia];
        Assert.True(PublicKeyAuth.VerifyDetached(signature, message, _alice.PublicKey.Span[32..].ToArray()));
    }

    [Fact]
    public void Sealed_boxes_interoperate_with_sodium_core()
    {
        var exported = _bob.ExportKeyPair();
        var boxSecret = exported.AsSpan(1, 32).ToArray();
        var boxPublic = _bob.PublicKey.Span[..32].ToArray();

        var fromSodium = SealedPublicKeyBox.Create("hello"u8.ToArray(), boxPublic);
        Assert.Equal("hello"u8.ToArray(), _bob.Open(fromSodium));

        var fromUs = _alice.Seal(_bob.PublicKey, "world"u8);
        Assert.Equal("world"u8.ToArray(), SealedPublicKeyBox.Open(fromUs, boxSecret, boxPublic));
    }

    [Fact]
    public void Hash_is_sha512_and_digest_is_keccak_of_key_and_contract()
    {
        var data = "abc"u8.ToArray();

        Assert.Equal(CryptoHash.Sha512(data), _alice.Hash(data));
        byte[] keyAndContract = [.. _alice.PublicKey.Span, .. TestChains.BaseSepolia];
        Assert.Equal(new Sha3Keccack().CalculateHash(keyAndContract), _alice.Digest());
    }

    [Fact]
    public void Exported_key_pair_restores_the_same_identity()
    {
        var exported = _alice.ExportKeyPair();

        var restored = CryptDeReal.Import(exported, TestChains.BaseSepolia);

        Assert.Equal(CryptDeReal.ExportedKeyPairLength, exported.Length);
        Assert.Equal(_alice.PublicKey, restored.PublicKey);
        Assert.Equal("x"u8.ToArray(), restored.Open(_bob.Seal(_alice.PublicKey, "x"u8)));
        Assert.True(_bob.Verify("y"u8, restored.Sign("y"u8), _alice.PublicKey));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(66)]
    public void Import_of_the_wrong_length_throws_the_typed_error(int length)
    {
        var bytes = new byte[length];
        if (length > 0)
        {
            bytes[0] = 1;
        }

        Assert.Throws<CryptDeException>(() => CryptDeReal.Import(bytes, TestChains.BaseSepolia));
    }

    [Fact]
    public void Import_of_an_unknown_format_throws_the_typed_error()
    {
        var exported = _alice.ExportKeyPair();
        exported[0] = 2;

        Assert.Throws<CryptDeException>(() => CryptDeReal.Import(exported, TestChains.BaseSepolia));
    }

    [Fact]
    public void Alias_is_a_different_identity_on_the_same_chain()
    {
        var pair = CryptDePair.WithFreshAlias(_alice);

        Assert.Same(_alice, pair.Main);
        Assert.NotEqual(_alice.PublicKey, pair.Alias.PublicKey);
        Assert.True(pair.Alias.ChainContract.Span.SequenceEqual(TestChains.BaseSepolia));
        Assert.Null(pair.Alias.TryOpen(_bob.Seal(_alice.PublicKey, "for main"u8)));
    }

    [Fact]
    public void Random_bytes_are_not_constant()
    {
        var first = new byte[32];
        var second = new byte[32];

        _alice.FillRandom(first);
        _alice.FillRandom(second);

        Assert.NotEqual(first, second);
    }
}
