using Org.BouncyCastle.Crypto.Digests;

namespace Masq.Node.Crypto;

/// <summary>Ethereum's Keccak-256 (not NIST SHA3-256), used for payer digests and wallet addresses.</summary>
internal static class Keccak256
{
    public const int Length = 32;

    public static byte[] Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var result = new byte[Length];
        Hash(first, second, result);
        return result;
    }

    /// <summary>keccak256(<paramref name="first"/> ‖ <paramref name="second"/>) without concatenating.</summary>
    public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("Destination is shorter than 32 bytes.", nameof(destination));
        }

        var digest = new KeccakDigest(256);
        digest.BlockUpdate(first);
        digest.BlockUpdate(second);
        digest.DoFinal(destination);
    }

    /// <summary>
    /// The payer digest of data-path.md §2.1: keccak256(reader's public key ‖ chain contract address). A consuming
    /// wallet signs it for each hop's reader, and the reader checks the proof against its own digest.
    /// </summary>
    public static byte[] PayerDigest(PublicKey reader, ReadOnlySpan<byte> chainContract) =>
        Hash(reader.Span, chainContract);
}
