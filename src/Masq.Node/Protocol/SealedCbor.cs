using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>The reference's encodex/decodex: CBOR, then sealed for a key; opened, then CBOR.</summary>
internal static class SealedCbor
{
    /// <summary>Opens bytes sealed for <paramref name="cryptDe"/>'s key into a new array.</summary>
    /// <exception cref="CoresDecodeException">Too large, or not sealed for this key (<see cref="CoresDecodeError.DecryptionFailed"/>).</exception>
    public static byte[] Open(ICryptDE cryptDe, ReadOnlySpan<byte> sealedBytes, int maxLength, string what)
    {
        if (sealedBytes.Length > maxLength)
        {
            throw new CoresDecodeException(CoresDecodeError.TooLarge, $"Sealed {what} is {sealedBytes.Length} bytes; the limit is {maxLength}.");
        }

        int length = cryptDe.GetOpenedLength(sealedBytes.Length);
        if (length >= 0)
        {
            var plaintext = new byte[length];
            if (cryptDe.TryOpen(sealedBytes, plaintext))
            {
                return plaintext;
            }
        }

        throw new CoresDecodeException(CoresDecodeError.DecryptionFailed, $"The {what} was not sealed for this Node's key, or was altered.");
    }
}
