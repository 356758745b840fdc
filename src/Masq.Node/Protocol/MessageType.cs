using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>
/// The end-to-end payload of a CORES package, sealed for its destination (data-path.md §3): a single-entry map
/// <c>{"ClientRequest"|"ClientResponse"|"Gossip"|"GossipFailure"|"DnsResolveFailed": VersionedData}</c>.
/// </summary>
internal abstract record MessageType
{
    private const string What = "message";

    private protected MessageType()
    {
    }

    /// <summary>The variant name on the wire.</summary>
    public abstract string Variant { get; }

    /// <exception cref="CoresDecodeException">Anything but a well-formed message of a known variant and version.</exception>
    public static MessageType Decode(ReadOnlyMemory<byte> encoded) =>
        CoresCbor.Decode(encoded, CoresLimits.MaxPackageLength, What, Read);

    public byte[] Encode()
    {
        var data = ToVersionedData();
        var writer = CoresCbor.NewWriter(data.Bytes.Length * 2 + 64);
        writer.WriteStartMap(1);
        writer.WriteTextString(Variant);
        data.Write(writer);
        writer.WriteEndMap();
        return writer.Encode();
    }

    private protected abstract VersionedData ToVersionedData();

    private static MessageType Read(CborReader reader)
    {
        var map = CoresCbor.ReadStartMap(reader, What);
        if (!map.MoveNext(out var variant))
        {
            throw CoresCbor.Missing(What, "variant");
        }

        MessageType message;
        if (variant.SequenceEqual("ClientRequest"u8))
        {
            message = new ClientRequestMessage(ClientRequestPayload.FromVersionedData(VersionedData.Read(reader)));
        }
        else if (variant.SequenceEqual("ClientResponse"u8))
        {
            message = new ClientResponseMessage(ClientResponsePayload.FromVersionedData(VersionedData.Read(reader)));
        }
        else if (variant.SequenceEqual("DnsResolveFailed"u8))
        {
            message = new DnsResolveFailedMessage(DnsResolveFailure.FromVersionedData(VersionedData.Read(reader)));
        }
        else if (variant.SequenceEqual("Gossip"u8))
        {
            message = new GossipMessage(VersionedData.Read(reader));
        }
        else if (variant.SequenceEqual("GossipFailure"u8))
        {
            message = new GossipFailureMessage(VersionedData.Read(reader));
        }
        else
        {
            throw new CoresDecodeException(CoresDecodeError.UnknownVariant, "Unknown message variant.");
        }

        if (map.MoveNext(out _))
        {
            throw CoresCbor.Invalid(What, "more than one variant");
        }

        return message;
    }
}
