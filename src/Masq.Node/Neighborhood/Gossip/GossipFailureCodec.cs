using System.Formats.Cbor;
using Masq.Node.Protocol;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// Codec of <c>GossipFailure_0v1</c> inside a <see cref="GossipFailureMessage"/> at data version 0.1. serde_cbor
/// writes a unit enum variant as its name in a text string, which is what is written here. The reader also takes the
/// externally tagged map form <c>{"Name": null}</c> a future encoder might produce; an unknown name is refused
/// (<see cref="CoresDecodeError.UnknownVariant"/>) rather than guessed at.
/// </summary>
internal static class GossipFailureCodec
{
    private const string What = "gossip failure";
    private const int MaxNameLength = 64;

    public static GossipFailureMessage ToMessage(GossipFailureKind kind) =>
        new(VersionedData.Create(DataVersion.V0_1, 32, writer => writer.WriteTextString(Name(kind))));

    /// <exception cref="CoresDecodeException">Anything that is not a known failure.</exception>
    public static GossipFailureKind Decode(GossipFailureMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Data.DecodePayload(DataVersion.V0_1, What, Read);
    }

    private static string Name(GossipFailureKind kind) => kind switch
    {
        GossipFailureKind.NoNeighbors => "NoNeighbors",
        GossipFailureKind.NoSuitableNeighbors => "NoSuitableNeighbors",
        GossipFailureKind.ManualRejection => "ManualRejection",
        GossipFailureKind.Unknown => "Unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a gossip failure."),
    };

    private static GossipFailureKind Read(CborReader reader, bool lenient)
    {
        string name;
        if (reader.PeekState() == CborReaderState.StartMap)
        {
            int? count = reader.ReadStartMap();
            if (count != 1)
            {
                throw CoresCbor.Invalid(What, "a tagged variant has exactly one entry");
            }

            name = CoresCbor.ReadText(reader, MaxNameLength, What);
            if (!CoresCbor.TryReadNull(reader))
            {
                throw CoresCbor.Invalid(What, "a unit variant carries null");
            }

            reader.ReadEndMap();
        }
        else
        {
            name = CoresCbor.ReadText(reader, MaxNameLength, What);
        }

        return name switch
        {
            "NoNeighbors" => GossipFailureKind.NoNeighbors,
            "NoSuitableNeighbors" => GossipFailureKind.NoSuitableNeighbors,
            "ManualRejection" => GossipFailureKind.ManualRejection,
            "Unknown" => GossipFailureKind.Unknown,
            _ => throw new CoresDecodeException(CoresDecodeError.UnknownVariant, $"{What} has an unknown variant."),
        };
    }
}
