namespace Masq.Node.Protocol;

/// <summary>
/// Hand-written CBOR for the one bulky serde shape, a <c>Vec&lt;u8&gt;</c> written as an array of uints
/// (<see cref="VersionedData"/>'s bytes). System.Formats.Cbor costs 20–40 ns per element there, over half a
/// millisecond per 16 KiB package at each end; writing the heads directly costs about as much as a copy.
/// </summary>
internal static class RawCbor
{
    public const int MajorUInt = 0;
    public const int MajorBytes = 2;
    public const int MajorText = 3;
    public const int MajorArray = 4;
    public const int MajorMap = 5;
    public const byte Null = 0xf6;
    public const byte Break = 0xff;

    /// <summary>Bytes of a head (major type and argument) in the shortest form.</summary>
    public static int HeadLength(ulong value) => value switch
    {
        < 24 => 1,
        <= byte.MaxValue => 2,
        <= ushort.MaxValue => 3,
        <= uint.MaxValue => 5,
        _ => 9,
    };

    public static void WriteHead(Span<byte> destination, ref int position, int major, ulong value)
    {
        byte type = (byte)(major << 5);
        switch (HeadLength(value))
        {
            case 1:
                destination[position++] = (byte)(type | (byte)value);
                break;
            case 2:
                destination[position++] = (byte)(type | 24);
                destination[position++] = (byte)value;
                break;
            case 3:
                destination[position++] = (byte)(type | 25);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(destination[position..], (ushort)value);
                position += 2;
                break;
            case 5:
                destination[position++] = (byte)(type | 26);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(destination[position..], (uint)value);
                position += 4;
                break;
            default:
                destination[position++] = (byte)(type | 27);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[position..], value);
                position += 8;
                break;
        }
    }

    public static int TextLength(ReadOnlySpan<byte> utf8) => HeadLength((ulong)utf8.Length) + utf8.Length;

    public static void WriteText(Span<byte> destination, ref int position, ReadOnlySpan<byte> utf8)
    {
        WriteHead(destination, ref position, MajorText, (ulong)utf8.Length);
        utf8.CopyTo(destination[position..]);
        position += utf8.Length;
    }

    /// <summary>Encoded length of <paramref name="bytes"/> as an array of uints: one byte per value below 24, two above.</summary>
    public static int UIntArrayLength(ReadOnlySpan<byte> bytes)
    {
        int large = bytes.Length - CountBelow24(bytes);
        return HeadLength((ulong)bytes.Length) + bytes.Length + large;
    }

    public static void WriteUIntArray(Span<byte> destination, ref int position, ReadOnlySpan<byte> bytes)
    {
        WriteHead(destination, ref position, MajorArray, (ulong)bytes.Length);
        int p = position;
        foreach (byte b in bytes)
        {
            if (b < 24)
            {
                destination[p++] = b;
            }
            else
            {
                destination[p++] = 24;
                destination[p++] = b;
            }
        }

        position = p;
    }

    private static int CountBelow24(ReadOnlySpan<byte> bytes)
    {
        int count = 0;
        foreach (byte b in bytes)
        {
            count += b < 24 ? 1 : 0;
        }

        return count;
    }
}
