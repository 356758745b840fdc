using System.Buffers.Binary;
using Masq.Node.Cells;

namespace Masq.Tests.Shared;

/// <summary>What an observer of recorded TLS links sees: the records, the bytes from the first cell on, and the 32-byte sequences two links share.</summary>
internal static class TlsRecords
{
    public const int Handshake = 22;
    public const int ApplicationData = 23;

    /// <summary>A TLS 1.3 record adds the inner content type and a 16-byte AEAD tag to the cell it carries.</summary>
    public const int CellOverhead = 17;

    public static readonly int[] CellRecordLengths = [CellFormat.SmallLength + CellOverhead, CellFormat.LargeLength + CellOverhead];

    /// <summary>The records of one recorded direction; <paramref name="end"/> is where the last whole record header led (past the bytes when the recording ends inside a record).</summary>
    public static List<(int Type, int Version, int Length)> Parse(byte[] bytes, out int end)
    {
        var records = new List<(int, int, int)>();
        int at = 0;
        while (at + 5 <= bytes.Length)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 3));
            records.Add((bytes[at], BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 1)), length));
            at += 5 + length;
        }

        end = at;
        return records;
    }

    /// <summary>The bytes of a recorded direction from its first cell record on.</summary>
    public static byte[] CellPhase(byte[] bytes)
    {
        int at = 0;
        while (at + 5 <= bytes.Length)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 3));
            if (bytes[at] == ApplicationData && CellRecordLengths.Contains(length))
            {
                return bytes[at..];
            }

            at += 5 + length;
        }

        return [];
    }

    /// <summary>How many 32-byte windows of <paramref name="second"/> also occur in <paramref name="first"/>, and how many distinct windows <paramref name="first"/> has.</summary>
    public static (int Shared, int FirstWindows) SharedSequences(IEnumerable<byte[]> first, IEnumerable<byte[]> second)
    {
        var windows = new HashSet<ulong>();
        foreach (var bytes in first)
        {
            for (int i = 0; i + 32 <= bytes.Length; i++)
            {
                windows.Add(Fingerprint(bytes.AsSpan(i, 32)));
            }
        }

        int shared = 0;
        foreach (var bytes in second)
        {
            for (int i = 0; i + 32 <= bytes.Length; i++)
            {
                if (windows.Contains(Fingerprint(bytes.AsSpan(i, 32))))
                {
                    shared++;
                }
            }
        }

        return (shared, windows.Count);
    }

    /// <summary>A 64-bit digest of a 32-byte window (a false match is as likely as a 64-bit collision).</summary>
    private static ulong Fingerprint(ReadOnlySpan<byte> window) =>
        BinaryPrimitives.ReadUInt64LittleEndian(window)
        ^ ulong.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(window[8..]), 17)
        ^ ulong.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(window[16..]), 31)
        ^ ulong.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(window[24..]), 47);
}
