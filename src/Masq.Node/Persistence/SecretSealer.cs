using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Sodium;

namespace Masq.Node.Persistence;

/// <summary>
/// Seals config values with XChaCha20-Poly1305 under the password-derived key: a fresh random 24-byte nonce per
/// value and the row name as associated data, so a sealed value cannot be moved to another row. Stored text:
/// <c>xchacha20poly1305:&lt;base64(nonce ‖ ciphertext ‖ tag)&gt;</c>.
/// </summary>
internal static class SecretSealer
{
    private const string Prefix = "xchacha20poly1305:";
    private const int NonceLength = 24;
    private const int TagLength = 16;

    public static string Seal(ReadOnlySpan<byte> plaintext, byte[] key, string rowName)
    {
        var nonce = SecretAeadXChaCha20Poly1305.GenerateNonce();
        var ciphertext = SecretAeadXChaCha20Poly1305.Encrypt(plaintext.ToArray(), nonce, key, Encoding.UTF8.GetBytes(rowName));
        var stored = new byte[NonceLength + ciphertext.Length];
        nonce.CopyTo(stored, 0);
        ciphertext.CopyTo(stored, NonceLength);
        return Prefix + Convert.ToBase64String(stored);
    }

    /// <summary>False when the value is malformed, sealed under another key, or sealed for another row.</summary>
    public static bool TryOpen(string sealedValue, byte[] key, string rowName, [NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        if (!sealedValue.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        byte[] stored;
        try
        {
            stored = Convert.FromBase64String(sealedValue[Prefix.Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (stored.Length < NonceLength + TagLength)
        {
            return false;
        }

        try
        {
            plaintext = SecretAeadXChaCha20Poly1305.Decrypt(
                stored[NonceLength..], stored[..NonceLength], key, Encoding.UTF8.GetBytes(rowName));
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
