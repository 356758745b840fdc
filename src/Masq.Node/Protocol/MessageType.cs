using System.Text;

namespace Masq.Node.Protocol;

/// <summary>
/// The end-to-end payload of a CORES package, sealed for its destination (data-path.md §3): a single-entry map
/// <c>{"ClientRequest"|"ClientResponse"|"Gossip"|"GossipFailure"|"DnsResolveFailed"|"ServerFailed": VersionedData}</c>.
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
    public static MessageType Decode(ReadOnlyMemory<byte> encoded)
    {
        if (encoded.Length > CoresLimits.MaxPackageLength)
        {
            throw new CoresDecodeException(CoresDecodeError.TooLarge, $"{What} is {encoded.Length} bytes; the limit is {CoresLimits.MaxPackageLength}.");
        }

        var reader = new CborSpanReader(encoded, What);
        int? count = reader.ReadStartMap();
        int seen = 0;
        if (!reader.MoveNextKey(count, ref seen, out var variant))
        {
            throw CoresCbor.Missing(What, "variant");
        }

        // The variant's name is known before its data is decoded; the data is decoded by the variant's rules.
        int kind = variant.SequenceEqual("ClientRequest"u8) ? 0
            : variant.SequenceEqual("ClientResponse"u8) ? 1
            : variant.SequenceEqual("DnsResolveFailed"u8) ? 2
            : variant.SequenceEqual("Gossip"u8) ? 3
            : variant.SequenceEqual("GossipFailure"u8) ? 4
            : variant.SequenceEqual("ServerFailed"u8) ? 5
            : throw new CoresDecodeException(CoresDecodeError.UnknownVariant, "Unknown message variant.");
        var data = VersionedData.Read(ref reader);
        if (reader.MoveNextKey(count, ref seen, out _))
        {
            throw CoresCbor.Invalid(What, "more than one variant");
        }

        reader.ExpectEnd();
        return kind switch
        {
            0 => new ClientRequestMessage(ClientRequestPayload.FromVersionedData(data)),
            1 => new ClientResponseMessage(ClientResponsePayload.FromVersionedData(data)),
            2 => new DnsResolveFailedMessage(DnsResolveFailure.FromVersionedData(data)),
            3 => new GossipMessage(data),
            5 => new ServerFailedMessage(ServerFailure.FromVersionedData(data)),
            _ => new GossipFailureMessage(data),
        };
    }

    public byte[] Encode()
    {
        var data = ToVersionedData();
        byte[] variant = Encoding.UTF8.GetBytes(Variant);
        var bytes = new byte[1 + RawCbor.TextLength(variant) + data.EncodedLength];
        int position = 0;
        RawCbor.WriteHead(bytes, ref position, RawCbor.MajorMap, 1);
        RawCbor.WriteText(bytes, ref position, variant);
        data.WriteTo(bytes, ref position);
        return bytes;
    }

    private protected abstract VersionedData ToVersionedData();
}
