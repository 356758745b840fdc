using System.Security.Cryptography;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>Deterministic pseudo-random content of any size, generated in blocks (never all in memory) with a known SHA-256.</summary>
internal static class Blob
{
    public const int BlockLength = 64 * 1024;

    /// <summary>Calls <paramref name="write"/> with the content's blocks in order.</summary>
    public static async Task WriteAsync(long length, int seed, Func<ReadOnlyMemory<byte>, Task> write)
    {
        var random = new Random(seed);
        byte[] block = new byte[BlockLength];
        long left = length;
        while (left > 0)
        {
            int size = (int)Math.Min(BlockLength, left);
            random.NextBytes(block.AsSpan(0, size));
            await write(block.AsMemory(0, size)).ConfigureAwait(false);
            left -= size;
        }
    }

    public static byte[] Bytes(long length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes.AsSpan());
        return bytes;
    }

    public static string Sha256(long length, int seed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(seed);
        byte[] block = new byte[BlockLength];
        long left = length;
        while (left > 0)
        {
            int size = (int)Math.Min(BlockLength, left);
            random.NextBytes(block.AsSpan(0, size));
            hash.AppendData(block, 0, size);
            left -= size;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
