using System.Formats.Cbor;
using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>
/// One layer of a route, sealed for the Node that reads it (data-path.md §2.1): where the package goes next
/// (<see cref="PublicKey"/>, empty for the terminal hop), who pays the reader (<see cref="Payer"/>, null without a
/// consuming wallet) and which of the reader's components handles it. Wire form
/// <c>{public_key: bstr, payer: null|Payer, component: uint}</c>.
/// </summary>
internal sealed record LiveHop(PublicKey PublicKey, Payer? Payer, Component Component)
{
    private const string What = "live hop";

    /// <summary>The last hop of a route: nobody further, deliver to <see cref="Component"/>.</summary>
    public bool IsTerminal => PublicKey.IsEmpty;

    /// <summary>
    /// Whether the next Node is the reader itself (zero-hop, or a route that visits this Node twice in a row): the
    /// package is re-injected locally instead of sent.
    /// </summary>
    public bool IsLoopbackFor(PublicKey readerKey) => PublicKey == readerKey;

    /// <summary>
    /// The relay's and exit's check (data-path.md §2.2): a payer is present and its proof was made for
    /// <paramref name="readerDigest"/>, the reader's <c>ICryptDE.Digest()</c>.
    /// </summary>
    public bool PayerOwnsSecretKey(ReadOnlySpan<byte> readerDigest) => Payer?.OwnsSecretKey(readerDigest) ?? false;

    public byte[] Encode()
    {
        var writer = CoresCbor.NewWriter(512);
        writer.WriteStartMap(3);
        writer.WriteTextString("public_key");
        writer.WriteByteString(PublicKey.Span);
        writer.WriteTextString("payer");
        if (Payer is null)
        {
            writer.WriteNull();
        }
        else
        {
            Payer.Write(writer);
        }

        writer.WriteTextString("component");
        writer.WriteUInt32((uint)Component);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <exception cref="CoresDecodeException">Anything but a well-formed hop.</exception>
    public static LiveHop Decode(ReadOnlyMemory<byte> encoded) =>
        CoresCbor.Decode(encoded, CoresLimits.MaxHopLength, What, Read);

    /// <summary>The hop as it sits in a route: sealed for <paramref name="reader"/>.</summary>
    public byte[] Seal(ICryptDE cryptDe, PublicKey reader) => cryptDe.Seal(reader, Encode());

    /// <exception cref="CoresDecodeException">Not sealed for <paramref name="cryptDe"/>, or not a hop inside.</exception>
    public static LiveHop Open(ICryptDE cryptDe, ReadOnlySpan<byte> sealedHop) =>
        Decode(SealedCbor.Open(cryptDe, sealedHop, CoresLimits.MaxHopLength, What));

    private static LiveHop Read(CborReader reader)
    {
        PublicKey? publicKey = null;
        bool payerSeen = false;
        Payer? payer = null;
        Component? component = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("public_key"u8))
            {
                publicKey = publicKey is null
                    ? PublicKey.FromOwnedArray(CoresCbor.ReadBytes(reader, CoresLimits.MaxPublicKeyLength, What).ToArray())
                    : throw map.Duplicate("public_key");
            }
            else if (key.SequenceEqual("payer"u8))
            {
                if (payerSeen)
                {
                    throw map.Duplicate("payer");
                }

                payerSeen = true;
                payer = CoresCbor.TryReadNull(reader) ? null : Payer.Read(reader);
            }
            else if (key.SequenceEqual("component"u8))
            {
                component = component is null
                    ? (Component)CoresCbor.ReadUInt(reader, (ulong)Component.ProxyClient, What)
                    : throw map.Duplicate("component");
            }
            else
            {
                map.UnknownKey(skip: false);
            }
        }

        // A missing Option is None for serde; public_key and component have no default.
        return new LiveHop(
            publicKey ?? throw CoresCbor.Missing(What, "public_key"),
            payer,
            component ?? throw CoresCbor.Missing(What, "component"));
    }
}
