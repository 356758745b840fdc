using Masq.Node.Crypto;

namespace Masq.Node.Tests.Crypto;

/// <summary>Untrusted bytes and text reach the CryptDE: none of them may throw anything but the typed error.</summary>
public sealed class CryptDeFuzzTests
{
    private const int Cases = 3000;

    [Fact]
    public void Random_ciphertexts_never_open_and_never_throw()
    {
        var random = new Random(1234);
        var real = CryptDeReal.Generate(TestChains.Dev);
        var nul = new CryptDeNull(new PublicKey([9, 9, 9]), TestChains.Dev);
        int opened = 0;
        for (int i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (real.TryOpen(bytes) is not null)
            {
                opened++;
            }

            // The null CryptDE opens whatever starts with its private key; random data almost never does.
            if (nul.TryOpen(bytes) is not null)
            {
                opened++;
            }
        }

        Assert.Equal(0, opened);
    }

    [Fact]
    public void Random_key_material_imports_or_fails_with_the_typed_error()
    {
        var random = new Random(99);
        int imported = 0;
        for (int i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 80)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 0)
            {
                bytes[0] = 1;
            }

            try
            {
                var restored = CryptDeReal.Import(bytes, TestChains.Dev);
                Assert.Equal(64, restored.PublicKey.Length);
                imported++;
            }
            catch (CryptDeException)
            {
            }
        }

        // Only 65-byte inputs starting with the format byte import; the generator makes some.
        Assert.InRange(imported, 1, Cases);
    }

    [Fact]
    public void Random_descriptor_fragments_parse_or_are_refused_without_throwing()
    {
        var random = new Random(7);
        var real = CryptDeReal.Generate(TestChains.Dev);
        var nul = new CryptDeNull(new PublicKey([1]), TestChains.Dev);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= \t\u00e9!";
        int accepted = 0;
        for (int i = 0; i < Cases; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (int c = 0; c < chars.Length; c++)
            {
                chars[c] = i % 2 == 0 ? alphabet[random.Next(64)] : alphabet[random.Next(alphabet.Length)];
            }

            // Every tenth case is a well-formed fragment, so acceptance is exercised too.
            var text = i % 10 == 0 ? System.Buffers.Text.Base64Url.EncodeToString(RandomBytes(random, 32)) : new string(chars);
            if (real.TryParseDescriptorFragment(text, out var key))
            {
                Assert.Equal(64, key.Length);
                accepted++;
            }

            if (nul.TryParseDescriptorFragment(text, out var nullKey))
            {
                Assert.False(nullKey.IsEmpty);
            }
        }

        Assert.InRange(accepted, Cases / 10, Cases);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
