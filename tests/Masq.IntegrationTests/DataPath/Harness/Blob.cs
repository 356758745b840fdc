using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>
/// Deterministic content of any size with a known SHA-256, cheap enough to serve at loopback speed: 64 KiB blocks of
/// seeded pseudo-random bytes, each stamped with its block number, so a lost, repeated or reordered block changes the
/// hash. Generated block by block, never all in memory.
/// </summary>
internal static class Blob
{
    public const int BlockLength = 64 * 1024;

    /// <summary>Calls <paramref name="write"/> with the content's blocks in order.</summary>
    public static async Task WriteAsync(long length, int seed, Func<ReadOnlyMemory<byte>, Task> write)
    {
        byte[] block = Template(seed);
        long left = length;
        for (long index = 0; left > 0; index++)
        {
            int size = (int)Math.Min(BlockLength, left);
            Stamp(block, index);
            await write(block.AsMemory(0, size)).ConfigureAwait(false);
            left -= size;
        }
    }

    public static byte[] Bytes(long length, int seed)
    {
        var bytes = new byte[length];
        byte[] block = Template(seed);
        long position = 0;
        for (long index = 0; position < length; index++)
        {
            int size = (int)Math.Min(BlockLength, length - position);
            Stamp(block, index);
            block.AsSpan(0, size).CopyTo(bytes.AsSpan((int)position));
            position += size;
        }

        return bytes;
    }

    public static string Sha256(long length, int seed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] block = Template(seed);
        long left = length;
        for (long index = 0; left > 0; index++)
        {
            int size = (int)Math.Min(BlockLength, left);
            Stamp(block, index);
            hash.AppendData(block, 0, size);
            left -= size;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] Template(int seed)
    {
        var block = new byte[BlockLength];
        new Random(seed).NextBytes(block);
        return block;
    }

    private static void Stamp(byte[] block, long index) => BinaryPrimitives.WriteInt64LittleEndian(block, index);
}
