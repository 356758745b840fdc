using System.Buffers;
using System.Formats.Cbor;
using System.Net;
using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>
/// What travels between Nodes (data-path.md §2–3): a route and an end-to-end sealed payload, the whole re-sealed for
/// each next Node. Wire form <c>{version: [0,0,0], route: {hops: […]}, payload: bstr}</c>; the payload ciphertext
/// is the same on every hop, the route shifts by one hop per Node.
/// </summary>
/// <remarks>
/// Hot path, per package at each Node: <see cref="Open"/> (one X25519 + XSalsa20-Poly1305 over the package),
/// <see cref="ToNextLive"/> (one X25519 for the top hop), <see cref="Seal"/> (one X25519 + encryption for the next
/// Node). Decoded byte fields are slices of the opened plaintext; nothing is copied until the re-encode.
/// </remarks>
internal sealed record LiveCoresPackage(Route Route, ReadOnlyMemory<byte> Payload)
{
    private const string What = "live CORES package";

    /// <exception cref="CoresDecodeException">Anything but a well-formed package of a known version.</exception>
    public static LiveCoresPackage Decode(ReadOnlyMemory<byte> encoded) =>
        CoresCbor.Decode(encoded, CoresLimits.MaxPackageLength, What, Read);

    /// <summary>
    /// Opens a package another Node sealed for this one: the reference's clandestine bytes after unmasking. Masq's links
    /// carry packages unsealed inside TLS (<see cref="Decode"/>); this is kept for the reference's format.
    /// </summary>
    /// <exception cref="CoresDecodeException">Not sealed for <paramref name="cryptDe"/>, altered, or malformed.</exception>
    public static LiveCoresPackage Open(ICryptDE cryptDe, ReadOnlySpan<byte> sealedPackage) =>
        Decode(SealedCbor.Open(cryptDe, sealedPackage, CoresLimits.MaxPackageLength, What));

    /// <summary>
    /// What the ConsumingService does with a local package: shift the originating Node's own top hop, which names
    /// the first Node to send to.
    /// </summary>
    /// <returns>The package to seal for <c>NextKey</c>, and that key (this Node's own key for zero-hop).</returns>
    /// <exception cref="CoresDecodeException">The top hop is not this Node's.</exception>
    public static (LiveCoresPackage Package, PublicKey NextKey) FromIncipient(IncipientCoresPackage incipient, ICryptDE cryptDe)
    {
        var (hop, remaining) = incipient.Route.Shift(cryptDe);
        return (new LiveCoresPackage(remaining, incipient.Payload), hop.PublicKey);
    }

    /// <summary>Opens the top hop without shifting (what the RoutingService peeks at).</summary>
    /// <exception cref="CoresDecodeException">The top hop is not this Node's, or is malformed.</exception>
    public LiveHop NextHop(ICryptDE cryptDe) => Route.NextHop(cryptDe);

    /// <summary>
    /// The relay step: open and remove the top hop. The returned package goes to <c>Hop.PublicKey</c>;
    /// the hop's payer and component decide whether it should (data-path.md §2.2 step 6).
    /// </summary>
    /// <exception cref="CoresDecodeException">The top hop is not this Node's, or is malformed.</exception>
    public (LiveHop Hop, LiveCoresPackage Next) ToNextLive(ICryptDE cryptDe)
    {
        var (hop, remaining) = Route.Shift(cryptDe);
        return (hop, this with { Route = remaining });
    }

    /// <summary>
    /// Delivers the package to a local component: opens the payload with <paramref name="payloadCryptDe"/> (the
    /// alias for ProxyServer-bound packages, the main identity otherwise). The route is left unshifted.
    /// </summary>
    /// <param name="topHop">This package's top hop, already opened by <see cref="NextHop"/> or <see cref="ToNextLive"/>.</param>
    /// <exception cref="CoresDecodeException">The payload is not sealed for <paramref name="payloadCryptDe"/>, or is malformed.</exception>
    public ExpiredCoresPackage<MessageType> ToExpired(LiveHop topHop, IPEndPoint? immediateNeighbor, ICryptDE payloadCryptDe)
    {
        var message = MessageType.Decode(SealedCbor.Open(payloadCryptDe, Payload.Span, CoresLimits.MaxPackageLength, "payload"));
        return new ExpiredCoresPackage<MessageType>(immediateNeighbor, topHop.Payer?.Wallet, Route, message, Payload.Length);
    }

    /// <summary>As <see cref="ToExpired(LiveHop, IPEndPoint?, ICryptDE)"/>, opening the top hop with <paramref name="mainCryptDe"/>.</summary>
    /// <exception cref="CoresDecodeException">The top hop or the payload does not open, or is malformed.</exception>
    public ExpiredCoresPackage<MessageType> ToExpired(IPEndPoint? immediateNeighbor, ICryptDE mainCryptDe, ICryptDE payloadCryptDe) =>
        ToExpired(NextHop(mainCryptDe), immediateNeighbor, payloadCryptDe);

    public byte[] Encode()
    {
        var writer = NewWriter();
        Write(writer);
        return writer.Encode();
    }

    /// <summary>Encodes and seals for <paramref name="recipient"/>: the bytes to hand to the masquerader.</summary>
    /// <exception cref="CryptDeException"><paramref name="recipient"/> is not a key this CryptDE can seal for.</exception>
    public byte[] Seal(ICryptDE cryptDe, PublicKey recipient)
    {
        var writer = NewWriter();
        Write(writer);
        int length = writer.BytesWritten;
        byte[] plaintext = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            writer.Encode(plaintext);
            return cryptDe.Seal(recipient, plaintext.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plaintext);
        }
    }

    /// <summary>
    /// Length of <see cref="WriteHeader"/>'s output: the encoded package up to (not including) the payload's bytes,
    /// for a payload of <paramref name="payloadLength"/> bytes. The header plus the payload is exactly <see cref="Encode"/>.
    /// </summary>
    public static int HeaderLength(Route route, int payloadLength)
    {
        int length = 1 + RawCbor.TextLength("version"u8) + 4
            + RawCbor.TextLength("route"u8) + 1 + RawCbor.TextLength("hops"u8) + RawCbor.HeadLength((ulong)route.Hops.Length);
        foreach (var hop in route.Hops)
        {
            length += RawCbor.HeadLength((ulong)hop.Length) + hop.Length;
        }

        return length + RawCbor.TextLength("payload"u8) + RawCbor.HeadLength((ulong)payloadLength);
    }

    /// <summary>
    /// Writes the encoded package up to its payload's bytes (which the caller puts, or seals, right after): lets a
    /// package be built in one buffer without encoding and copying it through a CBOR writer.
    /// </summary>
    /// <returns>The bytes written, <see cref="HeaderLength"/>.</returns>
    public static int WriteHeader(Span<byte> destination, Route route, int payloadLength)
    {
        int position = 0;
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 3);
        RawCbor.WriteText(destination, ref position, "version"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorArray, 3);
        destination[position++] = 0;
        destination[position++] = 0;
        destination[position++] = 0;
        RawCbor.WriteText(destination, ref position, "route"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 1);
        RawCbor.WriteText(destination, ref position, "hops"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorArray, (ulong)route.Hops.Length);
        foreach (var hop in route.Hops)
        {
            RawCbor.WriteHead(destination, ref position, RawCbor.MajorBytes, (ulong)hop.Length);
            hop.Span.CopyTo(destination[position..]);
            position += hop.Length;
        }

        RawCbor.WriteText(destination, ref position, "payload"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorBytes, (ulong)payloadLength);
        return position;
    }

    public bool Equals(LiveCoresPackage? other) =>
        other is not null && Route.Equals(other.Route) && Payload.Span.SequenceEqual(other.Payload.Span);

    public override int GetHashCode() => HashCode.Combine(Route, Payload.Length);

    private CborWriter NewWriter() => CoresCbor.NewWriter(Route.EncodedLengthEstimate() + Payload.Length + 64);

    private void Write(CborWriter writer)
    {
        writer.WriteStartMap(3);
        writer.WriteTextString("version");
        // The Node-local DataVersion packed into three bytes (12-bit major, 12-bit minor); 0.0.
        writer.WriteStartArray(3);
        writer.WriteUInt32(0);
        writer.WriteUInt32(0);
        writer.WriteUInt32(0);
        writer.WriteEndArray();
        writer.WriteTextString("route");
        Route.Write(writer);
        writer.WriteTextString("payload");
        writer.WriteByteString(Payload.Span);
        writer.WriteEndMap();
    }

    private static LiveCoresPackage Read(CborReader reader)
    {
        bool versionSeen = false;
        Route? route = null;
        ReadOnlyMemory<byte>? payload = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("version"u8))
            {
                versionSeen = !versionSeen ? ReadVersion(reader) : throw map.Duplicate("version");
            }
            else if (key.SequenceEqual("route"u8))
            {
                route = route is null ? Route.Read(reader) : throw map.Duplicate("route");
            }
            else if (key.SequenceEqual("payload"u8))
            {
                payload = payload is null ? CoresCbor.ReadBytes(reader, CoresLimits.MaxPackageLength, What) : throw map.Duplicate("payload");
            }
            else
            {
                map.UnknownKey(skip: false);
            }
        }

        if (!versionSeen)
        {
            throw CoresCbor.Missing(What, "version");
        }

        return new LiveCoresPackage(
            route ?? throw CoresCbor.Missing(What, "route"),
            payload ?? throw CoresCbor.Missing(What, "payload"));
    }

    /// <summary>Only 0.0 exists; a package of another version is refused rather than guessed at.</summary>
    private static bool ReadVersion(CborReader reader)
    {
        var packed = CoresCbor.ReadByteArray(reader, 3, What);
        if (packed.Length != 3)
        {
            throw CoresCbor.Invalid(What, "version is not three bytes");
        }

        return packed.Span.IndexOfAnyExcept((byte)0) < 0
            ? true
            : throw new CoresDecodeException(CoresDecodeError.UnsupportedVersion, "Unsupported CORES package version.");
    }
}
