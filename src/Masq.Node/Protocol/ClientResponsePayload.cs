using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>
/// A chunk of server data from the exit back to the originator (<c>ClientResponsePayload_0v1</c>, data-path.md §3).
/// </summary>
internal sealed record ClientResponsePayload(StreamKey StreamKey, SequencedPacket SequencedPacket)
{
    private const string What = "client response";

    /// <summary>The form that tells the originator the server closed the stream: no data, sequence 0, last_data.</summary>
    public static ClientResponsePayload Terminating(StreamKey streamKey) =>
        new(streamKey, new SequencedPacket(ReadOnlyMemory<byte>.Empty, 0, LastData: true));

    internal VersionedData ToVersionedData() => VersionedData.Create(DataVersion.V0_1, SequencedPacket.EncodedLength + 80, Write);

    internal static ClientResponsePayload FromVersionedData(VersionedData data) =>
        data.DecodePayload(DataVersion.V0_1, What, Read);

    private void Write(CborWriter writer)
    {
        writer.WriteStartMap(2);
        writer.WriteTextString("stream_key");
        PayloadFields.WriteStreamKey(writer, StreamKey);
        writer.WriteTextString("sequenced_packet");
        PayloadFields.WriteSequencedPacket(writer, SequencedPacket);
        writer.WriteEndMap();
    }

    private static ClientResponsePayload Read(CborReader reader, bool lenient)
    {
        StreamKey? streamKey = null;
        SequencedPacket? packet = null;
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
            else
            {
                map.UnknownKey(lenient);
            }
        }

        return new ClientResponsePayload(
            streamKey ?? throw CoresCbor.Missing(What, "stream_key"),
            packet ?? throw CoresCbor.Missing(What, "sequenced_packet"));
    }
}
