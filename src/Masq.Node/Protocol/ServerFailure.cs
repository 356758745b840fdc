using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>
/// The exit could not reach the stream's server, or lost it (<c>ServerFailure_0v1</c>): the originator answers the
/// browser with a counterfeit page or TLS alert, or, when server bytes were already sent, closes the browser
/// connection abortively. <paramref name="SequenceNumber"/> is the number of response packets the exit sent before
/// the failure, so the originator acts on it only after writing those (it stands in the response sequence like a
/// last_data packet).
/// </summary>
/// <remarks>
/// Not in the reference, which only closes the connection (data-path.md §5): a Rust Node would drop this message as an
/// unknown variant, which leaves its browser connection to its idle timeout. The kind is text so that a later kind is
/// read by an older Node as <see cref="ServerFailureKind.ConnectionReset"/> rather than refused.
/// </remarks>
internal sealed record ServerFailure(StreamKey StreamKey, ServerFailureKind Kind, ulong SequenceNumber)
{
    private const string What = "server failure";

    internal VersionedData ToVersionedData() => VersionedData.Create(DataVersion.V0_1, 80, Write);

    internal static ServerFailure FromVersionedData(VersionedData data) =>
        data.DecodePayload(DataVersion.V0_1, What, Read);

    private void Write(CborWriter writer)
    {
        writer.WriteStartMap(3);
        writer.WriteTextString("stream_key");
        PayloadFields.WriteStreamKey(writer, StreamKey);
        writer.WriteTextString("kind");
        writer.WriteTextString(Kind.ToString());
        writer.WriteTextString("sequence_number");
        writer.WriteUInt64(SequenceNumber);
        writer.WriteEndMap();
    }

    private static ServerFailure Read(CborReader reader, bool lenient)
    {
        StreamKey? streamKey = null;
        ServerFailureKind? kind = null;
        ulong? sequence = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("stream_key"u8))
            {
                streamKey = streamKey is null ? PayloadFields.ReadStreamKey(reader, What) : throw map.Duplicate("stream_key");
            }
            else if (key.SequenceEqual("kind"u8))
            {
                kind = kind is null ? ParseKind(CoresCbor.ReadText(reader, 64, What)) : throw map.Duplicate("kind");
            }
            else if (key.SequenceEqual("sequence_number"u8))
            {
                sequence = sequence is null ? CoresCbor.ReadUInt(reader, ulong.MaxValue, What) : throw map.Duplicate("sequence_number");
            }
            else
            {
                map.UnknownKey(lenient);
            }
        }

        return new ServerFailure(
            streamKey ?? throw CoresCbor.Missing(What, "stream_key"),
            kind ?? throw CoresCbor.Missing(What, "kind"),
            sequence ?? throw CoresCbor.Missing(What, "sequence_number"));
    }

    private static ServerFailureKind ParseKind(string text)
    {
        foreach (var kind in Enum.GetValues<ServerFailureKind>())
        {
            if (string.Equals(kind.ToString(), text, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return ServerFailureKind.ConnectionReset;
    }
}
