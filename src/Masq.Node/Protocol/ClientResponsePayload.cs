using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>
/// A chunk of server data from the exit back to the originator (<c>ClientResponsePayload_0v1</c>, data-path.md §3).
/// <see cref="RequestCredit"/> (Masq's per-stream flow control, protocol.md §4) is the new absolute limit of request
/// data bytes the originator may send for this stream; a response that carries one with no data and no last_data is a
/// credit update only, outside the response sequence.
/// </summary>
internal sealed record ClientResponsePayload(StreamKey StreamKey, SequencedPacket SequencedPacket, ulong? RequestCredit = null)
{
    /// <summary>Whether this is a credit update only: no data, not last_data, a credit (its sequence number means nothing).</summary>
    public bool IsCreditOnly => RequestCredit is not null && SequencedPacket.Data.IsEmpty && !SequencedPacket.LastData;

    private const string What = "client response";

    /// <summary>The form that tells the originator the server closed the stream: no data, sequence 0, last_data.</summary>
    public static ClientResponsePayload Terminating(StreamKey streamKey) =>
        new(streamKey, new SequencedPacket(ReadOnlyMemory<byte>.Empty, 0, LastData: true));

    internal VersionedData ToVersionedData() => VersionedData.Create(DataVersion.V0_1, SequencedPacket.EncodedLength + 112, Write);

    /// <summary>Length of <see cref="WriteMessage"/>'s output for <paramref name="dataLength"/> bytes of data.</summary>
    internal static int MessageLength(int dataLength)
    {
        int inner = InnerLength(dataLength);
        return 1 + RawCbor.TextLength("ClientResponse"u8)
            + 1 + RawCbor.TextLength("version"u8)
            + 1 + RawCbor.TextLength("major"u8) + RawCbor.HeadLength(DataVersion.V0_1.Major) + RawCbor.TextLength("minor"u8) + RawCbor.HeadLength(DataVersion.V0_1.Minor)
            + RawCbor.TextLength("bytes"u8) + RawCbor.HeadLength((ulong)inner) + inner
            + RawCbor.TextLength("phantom"u8) + 1;
    }

    /// <summary>
    /// Writes the whole <c>ClientResponse</c> message (what <see cref="MessageType.Encode"/> gives for a
    /// <see cref="ClientResponseMessage"/>) straight from the server's bytes, with one copy of the data and no
    /// intermediate records: the exit's hot path.
    /// </summary>
    /// <returns>The bytes written, <see cref="MessageLength"/>.</returns>
    internal static int WriteMessage(Span<byte> destination, StreamKey streamKey, ReadOnlySpan<byte> data, ulong sequenceNumber, bool lastData)
    {
        int inner = InnerLength(data.Length);
        int position = 0;
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 1);
        RawCbor.WriteText(destination, ref position, "ClientResponse"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 3);
        RawCbor.WriteText(destination, ref position, "version"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 2);
        RawCbor.WriteText(destination, ref position, "major"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorUInt, DataVersion.V0_1.Major);
        RawCbor.WriteText(destination, ref position, "minor"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorUInt, DataVersion.V0_1.Minor);
        RawCbor.WriteText(destination, ref position, "bytes"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorBytes, (ulong)inner);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 2);
        RawCbor.WriteText(destination, ref position, "stream_key"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorBytes, StreamKey.Length);
        streamKey.WriteTo(destination.Slice(position, StreamKey.Length));
        position += StreamKey.Length;
        RawCbor.WriteText(destination, ref position, "sequenced_packet"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorBytes, (ulong)(SequencedPacket.HeaderLength + data.Length));
        destination[position] = lastData ? (byte)1 : (byte)0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(destination[(position + 1)..], sequenceNumber);
        position += SequencedPacket.HeaderLength;
        data.CopyTo(destination[position..]);
        position += data.Length;
        RawCbor.WriteText(destination, ref position, "phantom"u8);
        destination[position++] = RawCbor.Null;
        return position;
    }

    private static int InnerLength(int dataLength) =>
        1 + RawCbor.TextLength("stream_key"u8) + RawCbor.HeadLength(StreamKey.Length) + StreamKey.Length
        + RawCbor.TextLength("sequenced_packet"u8) + RawCbor.HeadLength((ulong)(SequencedPacket.HeaderLength + dataLength)) + SequencedPacket.HeaderLength + dataLength;

    internal static ClientResponsePayload FromVersionedData(VersionedData data) =>
        data.DecodePayload(DataVersion.V0_1, What, Read);

    private void Write(CborWriter writer)
    {
        writer.WriteStartMap(RequestCredit is null ? 2 : 3);
        writer.WriteTextString("stream_key");
        PayloadFields.WriteStreamKey(writer, StreamKey);
        writer.WriteTextString("sequenced_packet");
        PayloadFields.WriteSequencedPacket(writer, SequencedPacket);
        if (RequestCredit is { } credit)
        {
            writer.WriteTextString("request_credit");
            writer.WriteUInt64(credit);
        }

        writer.WriteEndMap();
    }

    private static ClientResponsePayload Read(CborReader reader, bool lenient)
    {
        StreamKey? streamKey = null;
        SequencedPacket? packet = null;
        ulong? credit = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("stream_key"u8))
            {
                streamKey = streamKey is null ? PayloadFields.ReadStreamKey(reader, What) : throw map.Duplicate("stream_key");
            }
            else if (key.SequenceEqual("sequenced_packet"u8))
            {
                packet = packet is null ? PayloadFields.ReadSequencedPacket(reader, What) : throw map.Duplicate("sequenced_packet");
            }
            else if (key.SequenceEqual("request_credit"u8))
            {
                credit = credit is null ? CoresCbor.ReadUInt(reader, long.MaxValue, What) : throw map.Duplicate("request_credit");
            }
            else
            {
                map.UnknownKey(lenient);
            }
        }

        return new ClientResponsePayload(
            streamKey ?? throw CoresCbor.Missing(What, "stream_key"),
            packet ?? throw CoresCbor.Missing(What, "sequenced_packet"),
            credit);
    }
}
