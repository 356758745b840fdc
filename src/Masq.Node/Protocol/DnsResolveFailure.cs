using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>The exit could not resolve the stream's host (<c>DnsResolveFailure_0v1</c>, data-path.md §3).</summary>
internal sealed record DnsResolveFailure(StreamKey StreamKey)
{
    private const string What = "DNS resolve failure";

    internal VersionedData ToVersionedData() => VersionedData.Create(DataVersion.V0_1, 48, Write);

    internal static DnsResolveFailure FromVersionedData(VersionedData data) =>
        data.DecodePayload(DataVersion.V0_1, What, Read);

    private void Write(CborWriter writer)
    {
        writer.WriteStartMap(1);
        writer.WriteTextString("stream_key");
        PayloadFields.WriteStreamKey(writer, StreamKey);
        writer.WriteEndMap();
    }

    private static DnsResolveFailure Read(CborReader reader, bool lenient)
    {
        StreamKey? streamKey = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("stream_key"u8))
            {
                streamKey = streamKey is null ? PayloadFields.ReadStreamKey(reader, What) : throw map.Duplicate("stream_key");
            }
            else
            {
                map.UnknownKey(lenient);
            }
        }

        return new DnsResolveFailure(streamKey ?? throw CoresCbor.Missing(What, "stream_key"));
    }
}
