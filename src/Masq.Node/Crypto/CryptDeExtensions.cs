namespace Masq.Node.Crypto;

/// <summary>Allocating conveniences over the span-based <see cref="ICryptDE"/> primitives.</summary>
internal static class CryptDeExtensions
{
    /// <summary>Seals into a new array of exactly the sealed length.</summary>
    /// <exception cref="CryptDeException">The recipient key is not valid for this CryptDE.</exception>
    public static byte[] Seal(this ICryptDE cryptDe, PublicKey recipient, ReadOnlySpan<byte> plaintext)
    {
        var result = new byte[cryptDe.GetSealedLength(recipient, plaintext.Length)];
        cryptDe.Seal(recipient, plaintext, result);
        return result;
    }

    /// <summary>Opens into a new array, or returns null when the ciphertext does not open for this key.</summary>
    public static byte[]? TryOpen(this ICryptDE cryptDe, ReadOnlySpan<byte> ciphertext)
    {
        int length = cryptDe.GetOpenedLength(ciphertext.Length);
        if (length < 0)
        {
            return null;
        }

        var result = new byte[length];
        return cryptDe.TryOpen(ciphertext, result) ? result : null;
    }

    /// <summary>Opens into a new array.</summary>
    /// <exception cref="CryptDeException">The ciphertext was not sealed for this key, or was tampered with.</exception>
    public static byte[] Open(this ICryptDE cryptDe, ReadOnlySpan<byte> ciphertext) =>
        cryptDe.TryOpen(ciphertext) ?? throw new CryptDeException("The data was not sealed for this key or was altered.");
}
