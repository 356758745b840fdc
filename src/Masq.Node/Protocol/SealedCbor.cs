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
            // Every byte is written by a successful open; a failed one is dropped unread.
            var plaintext = GC.AllocateUninitializedArray<byte>(length);
            if (cryptDe.TryOpen(sealedBytes, plaintext))
            {
                return plaintext;
            }
        }

        throw new CoresDecodeException(CoresDecodeError.DecryptionFailed, $"The {what} was not sealed for this Node's key, or was altered.");
    }

    /// <summary>
    /// As <see cref="Open"/>, into a buffer rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>: the plaintext
    /// is its first <paramref name="length"/> bytes, and the caller returns the buffer. Nothing is rented on failure.
    /// </summary>
    /// <exception cref="CoresDecodeException">Too large, or not sealed for this key (<see cref="CoresDecodeError.DecryptionFailed"/>).</exception>
    public static byte[] OpenPooled(ICryptDE cryptDe, ReadOnlySpan<byte> sealedBytes, int maxLength, string what, out int length)
    {
        if (sealedBytes.Length > maxLength)
        {
            throw new CoresDecodeException(CoresDecodeError.TooLarge, $"Sealed {what} is {sealedBytes.Length} bytes; the limit is {maxLength}.");
        }

        length = cryptDe.GetOpenedLength(sealedBytes.Length);
        if (length >= 0)
        {
            var plaintext = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            if (cryptDe.TryOpen(sealedBytes, plaintext.AsSpan(0, length)))
            {
                return plaintext;
            }

            System.Buffers.ArrayPool<byte>.Shared.Return(plaintext);
        }

        throw new CoresDecodeException(CoresDecodeError.DecryptionFailed, $"The {what} was not sealed for this Node's key, or was altered.");
    }
}
