using System.Buffers.Binary;

namespace Masq.Node.Protocol;

/// <summary>
/// A chunk of one stream with its position: <see cref="SequenceNumber"/> counts from 0 per stream and direction,
/// and <see cref="LastData"/> marks the end. On the wire (data-path.md §3) a byte string
/// <c>[last_data 0|1][sequence number, u64 big-endian][data]</c>.
/// </summary>
internal sealed record SequencedPacket(ReadOnlyMemory<byte> Data, ulong SequenceNumber, bool LastData)
{
    public const int HeaderLength = 9;

    private const string What = "sequenced packet";

    public int EncodedLength => HeaderLength + Data.Length;

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = LastData ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], SequenceNumber);
        Data.Span.CopyTo(destination[HeaderLength..]);
    }

    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Decodes without copying: <see cref="Data"/> is a slice of <paramref name="encoded"/>.</summary>
    /// <exception cref="CoresDecodeException">Shorter than the header, or a first byte other than 0 or 1.</exception>
    public static SequencedPacket Decode(ReadOnlyMemory<byte> encoded)
    {
        var span = encoded.Span;
        if (span.Length < HeaderLength)
        {
            throw CoresCbor.Invalid(What, "shorter than its 9-byte header");
        }

        if (span[0] > 1)
        {
            throw CoresCbor.Invalid(What, "last_data is neither 0 nor 1");
        }

        return new SequencedPacket(encoded[HeaderLength..], BinaryPrimitives.ReadUInt64BigEndian(span[1..]), span[0] == 1);
    }

    public bool Equals(SequencedPacket? other) =>
        other is not null
        && SequenceNumber == other.SequenceNumber
        && LastData == other.LastData
        && Data.Span.SequenceEqual(other.Data.Span);

    public override int GetHashCode() => HashCode.Combine(SequenceNumber, LastData, Data.Length);
}
