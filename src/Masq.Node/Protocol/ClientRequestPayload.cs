using System.Formats.Cbor;
using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>
/// What the originator's ProxyServer sends the exit's ProxyClient (<c>ClientRequestPayload_0v1</c>,
/// data-path.md §3). <see cref="OriginatorPublicKey"/> is the originator's <em>alias</em> key, to which the exit seals
/// responses. <see cref="TargetHostname"/> is null when a TLS ClientHello had no SNI. <see cref="ResponseCredit"/>
/// (Masq's per-stream flow control, protocol.md §4) is the new absolute limit of response data bytes the exit may send
/// for this stream; a request that carries one with no data and no last_data is a credit update only, outside the
/// request sequence.
/// </summary>
internal sealed record ClientRequestPayload(
    StreamKey StreamKey,
    SequencedPacket SequencedPacket,
    string? TargetHostname,
    ushort TargetPort,
    ProxyProtocol Protocol,
    PublicKey OriginatorPublicKey,
    ulong? ResponseCredit = null)
{
    /// <summary>Whether this is a credit update only: no data, not last_data, a credit (its sequence number means nothing).</summary>
    public bool IsCreditOnly => ResponseCredit is not null && SequencedPacket.Data.IsEmpty && !SequencedPacket.LastData;

    private const string What = "client request";

    internal VersionedData ToVersionedData() => VersionedData.Create(DataVersion.V0_1, SequencedPacket.EncodedLength + OriginatorPublicKey.Length + (TargetHostname?.Length ?? 0) * 3 + 160, Write);

    internal static ClientRequestPayload FromVersionedData(VersionedData data) =>
        data.DecodePayload(DataVersion.V0_1, What, Read);

    private void Write(CborWriter writer)
    {
        writer.WriteStartMap(ResponseCredit is null ? 6 : 7);
        writer.WriteTextString("stream_key");
        PayloadFields.WriteStreamKey(writer, StreamKey);
        writer.WriteTextString("sequenced_packet");
        PayloadFields.WriteSequencedPacket(writer, SequencedPacket);
        writer.WriteTextString("target_hostname");
        if (TargetHostname is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteTextString(TargetHostname);
        }

        writer.WriteTextString("target_port");
        writer.WriteUInt32(TargetPort);
        writer.WriteTextString("protocol");
        writer.WriteTextString(Protocol == ProxyProtocol.Http ? "HTTP" : "TLS");
        writer.WriteTextString("originator_public_key");
        writer.WriteByteString(OriginatorPublicKey.Span);
        if (ResponseCredit is { } credit)
        {
            writer.WriteTextString("response_credit");
            writer.WriteUInt64(credit);
        }

        writer.WriteEndMap();
    }

    private static ClientRequestPayload Read(CborReader reader, bool lenient)
    {
        StreamKey? streamKey = null;
        SequencedPacket? packet = null;
        bool hostnameSeen = false;
        string? hostname = null;
        ulong? port = null;
        ProxyProtocol? protocol = null;
        PublicKey? originator = null;
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
            else if (key.SequenceEqual("target_hostname"u8))
            {
                if (hostnameSeen)
                {
                    throw map.Duplicate("target_hostname");
                }

                hostnameSeen = true;
                hostname = CoresCbor.TryReadNull(reader) ? null : ReadHostname(reader);
            }
            else if (key.SequenceEqual("target_port"u8))
            {
                port = port is null ? CoresCbor.ReadUInt(reader, ushort.MaxValue, What) : throw map.Duplicate("target_port");
            }
            else if (key.SequenceEqual("protocol"u8))
            {
                protocol = protocol is null ? ReadProtocol(reader) : throw map.Duplicate("protocol");
            }
            else if (key.SequenceEqual("originator_public_key"u8))
            {
                originator = originator is null ? PayloadFields.ReadPublicKey(reader, What) : throw map.Duplicate("originator_public_key");
            }
            else if (key.SequenceEqual("response_credit"u8))
            {
                credit = credit is null ? CoresCbor.ReadUInt(reader, long.MaxValue, What) : throw map.Duplicate("response_credit");
            }
            else
            {
                map.UnknownKey(lenient);
            }
        }

        // An absent Option is None for serde, so a missing target_hostname is null rather than an error.
        return new ClientRequestPayload(
            streamKey ?? throw CoresCbor.Missing(What, "stream_key"),
            packet ?? throw CoresCbor.Missing(What, "sequenced_packet"),
            hostname,
            (ushort)(port ?? throw CoresCbor.Missing(What, "target_port")),
            protocol ?? throw CoresCbor.Missing(What, "protocol"),
            originator ?? throw CoresCbor.Missing(What, "originator_public_key"),
            credit);
    }

    private static string ReadHostname(CborReader reader)
    {
        string hostname = CoresCbor.ReadText(reader, CoresLimits.MaxHostnameLength, What);
        // Control characters and spaces have no place in a host name and would end up in DNS queries and logs.
        return hostname.Length > 0 && hostname.AsSpan().IndexOfAnyInRange('\0', ' ') < 0 && !hostname.Contains('\u007f', StringComparison.Ordinal)
            ? hostname
            : throw CoresCbor.Invalid(What, "target_hostname is empty or has control characters");
    }

    private static ProxyProtocol ReadProtocol(CborReader reader)
    {
        ReadOnlySpan<byte> text = reader.ReadDefiniteLengthTextStringBytes().Span;
        return text.SequenceEqual("HTTP"u8) ? ProxyProtocol.Http
            : text.SequenceEqual("TLS"u8) ? ProxyProtocol.Tls
            : throw CoresCbor.Invalid(What, "protocol is neither HTTP nor TLS");
    }
}
