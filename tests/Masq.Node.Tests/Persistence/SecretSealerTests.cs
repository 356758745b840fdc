using System.Security.Cryptography;
using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class SecretSealerTests
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Sealed_values_open_with_the_same_key_and_row()
    {
        var plaintext = RandomNumberGenerator.GetBytes(32);

        var sealedValue = SecretSealer.Seal(plaintext, key, "consuming_wallet_private_key");

        Assert.True(SecretSealer.TryOpen(sealedValue, key, "consuming_wallet_private_key", out var opened));
        Assert.Equal(plaintext, opened);
        Assert.StartsWith("xchacha20poly1305:", sealedValue, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(plaintext), sealedValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_seal_uses_a_fresh_nonce()
    {
        var plaintext = new byte[] { 1, 2, 3 };

        Assert.NotEqual(SecretSealer.Seal(plaintext, key, "row"), SecretSealer.Seal(plaintext, key, "row"));
    }

    [Fact]
    public void Another_key_does_not_open()
    {
        var sealedValue = SecretSealer.Seal([1, 2, 3], key, "row");

        Assert.False(SecretSealer.TryOpen(sealedValue, RandomNumberGenerator.GetBytes(32), "row", out _));
    }

    [Fact]
    public void A_value_moved_to_another_row_does_not_open()
    {
        var sealedValue = SecretSealer.Seal([1, 2, 3], key, "last_cryptde");

        Assert.False(SecretSealer.TryOpen(sealedValue, key, "consuming_wallet_private_key", out _));
    }

    [Fact]
    public void Any_flipped_bit_is_detected()
    {
        var sealedValue = SecretSealer.Seal(RandomNumberGenerator.GetBytes(40), key, "row");
        var stored = Convert.FromBase64String(sealedValue["xchacha20poly1305:".Length..]);

        for (var bit = 0; bit < stored.Length * 8; bit += 7)
        {
            var tampered = stored.ToArray();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            Assert.False(SecretSealer.TryOpen("xchacha20poly1305:" + Convert.ToBase64String(tampered), key, "row", out _));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("xchacha20poly1305:")]
    [InlineData("xchacha20poly1305:%%%")]
    [InlineData("xchacha20poly1305:AAAA")]
    [InlineData("a1b2c3")]
    public void Malformed_values_do_not_open(string stored)
    {
        Assert.False(SecretSealer.TryOpen(stored, key, "row", out var plaintext));
        Assert.Null(plaintext);
    }
}
