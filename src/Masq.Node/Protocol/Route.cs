using System.Collections.Immutable;
using System.Formats.Cbor;
using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>
/// The onion of sealed <see cref="LiveHop"/>s a package travels by (data-path.md §2.1). Each entry is sealed for the
/// Node that reads it, so a Node learns only its own hop: the next key, its payer and its component. A round trip
/// ends with a return-route ID sealed for the originator. Wire form <c>{hops: [bstr, …]}</c>.
/// Immutable; <see cref="Shift"/> returns a new route of the same length.
/// </summary>
internal sealed class Route : IEquatable<Route>
{
    private const string What = "route";

    public Route(ImmutableArray<ReadOnlyMemory<byte>> hops)
    {
        if (hops.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A route has at least one hop.", nameof(hops));
        }

        Hops = hops;
    }

    /// <summary>The sealed hops, top (next to be read) first.</summary>
    public ImmutableArray<ReadOnlyMemory<byte>> Hops { get; }

    /// <summary>
    /// A route that ends at its last key (gossip, for example): one hop per consecutive pair of keys, then a terminal
    /// hop delivering to <see cref="RouteSegment.Recipient"/>.
    /// </summary>
    /// <param name="payer">The consuming wallet, or null (no payers, as in zero-hop mode).</param>
    public static Route OneWay(RouteSegment segment, ICryptDE cryptDe, PayerSigner? payer) =>
        Build([segment], cryptDe, payer, returnRouteId: null);

    /// <summary>
    /// A request/response route: <paramref name="over"/> from the originator to the exit, <paramref name="back"/> from
    /// the exit to the originator. The first back hop (read by the exit) delivers to the over recipient, the terminal
    /// hop (read by the originator) to the back recipient, and <paramref name="returnRouteId"/> follows, sealed for
    /// the originator, so it can tell which request a response belongs to.
    /// </summary>
    public static Route RoundTrip(RouteSegment over, RouteSegment back, ICryptDE cryptDe, PayerSigner? payer, uint returnRouteId)
    {
        if (back.Keys.Count > 0 && over.Keys.Count > 0 && back.Keys[^1] != over.Keys[0])
        {
            throw new ArgumentException("The back segment must end at the originator.", nameof(back));
        }

        return Build([over, back], cryptDe, payer, returnRouteId);
    }

    /// <summary>Opens the top hop without removing it.</summary>
    /// <exception cref="CoresDecodeException">The top hop is not sealed for <paramref name="cryptDe"/>, or is malformed.</exception>
    public LiveHop NextHop(ICryptDE cryptDe) => LiveHop.Open(cryptDe, Hops[0].Span);

    /// <summary>
    /// Removes and opens the top hop and appends random bytes of the same length, so the route's length (and the
    /// package's size) does not reveal how far along it is.
    /// </summary>
    /// <exception cref="CoresDecodeException">The top hop is not sealed for <paramref name="cryptDe"/>, or is malformed.</exception>
    public (LiveHop Hop, Route Remaining) Shift(ICryptDE cryptDe)
    {
        var hop = NextHop(cryptDe);
        return (hop, DropTopHop(cryptDe));
    }

    /// <summary>
    /// The return-route ID, when the top entry is the one a round trip ends with (after the originator has shifted
    /// its terminal hop).
    /// </summary>
    /// <exception cref="CoresDecodeException">Not sealed for <paramref name="cryptDe"/>, or not a u32 inside.</exception>
    public uint ReadReturnRouteId(ICryptDE cryptDe)
    {
        var plain = SealedCbor.Open(cryptDe, Hops[0].Span, CoresLimits.MaxHopLength, "return route ID");
        return CoresCbor.Decode(plain, CoresLimits.MaxHopLength, "return route ID", static reader => (uint)CoresCbor.ReadUInt(reader, uint.MaxValue, "return route ID"));
    }

    /// <summary>What the originator's ProxyServer does with a response's remaining route: shift the terminal hop, read the ID.</summary>
    /// <exception cref="CoresDecodeException">The route does not end the way this Node's round trips do.</exception>
    public uint ExtractReturnRouteId(ICryptDE cryptDe)
    {
        var (hop, remaining) = Shift(cryptDe);
        return hop.IsTerminal
            ? remaining.ReadReturnRouteId(cryptDe)
            : throw CoresCbor.Invalid(What, "the top hop is not the terminal hop");
    }

    public bool Equals(Route? other)
    {
        if (other is null || Hops.Length != other.Hops.Length)
        {
            return false;
        }

        for (int i = 0; i < Hops.Length; i++)
        {
            if (!Hops[i].Span.SequenceEqual(other.Hops[i].Span))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as Route);

    public override int GetHashCode() => HashCode.Combine(Hops.Length, Hops[0].Length);

    public override string ToString() => $"Route({Hops.Length} hops)";

    internal int EncodedLengthEstimate()
    {
        int total = 16;
        foreach (var hop in Hops)
        {
            total += hop.Length + 5;
        }

        return total;
    }

    internal void Write(CborWriter writer)
    {
        writer.WriteStartMap(1);
        writer.WriteTextString("hops");
        writer.WriteStartArray(Hops.Length);
        foreach (var hop in Hops)
        {
            writer.WriteByteString(hop.Span);
        }

        writer.WriteEndArray();
        writer.WriteEndMap();
    }

    internal static Route Read(CborReader reader)
    {
        ImmutableArray<ReadOnlyMemory<byte>>? hops = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("hops"u8))
            {
                hops = hops is null ? ReadHops(reader) : throw map.Duplicate("hops");
            }
            else
            {
                map.UnknownKey(skip: false);
            }
        }

        return new Route(hops ?? throw CoresCbor.Missing(What, "hops"));
    }

    private static ImmutableArray<ReadOnlyMemory<byte>> ReadHops(CborReader reader)
    {
        int? count = reader.ReadStartArray();
        if (count > CoresLimits.MaxHops)
        {
            throw CoresCbor.TooLarge(What, "hops");
        }

        var hops = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(count ?? 4);
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (hops.Count == CoresLimits.MaxHops)
            {
                throw CoresCbor.TooLarge(What, "hops");
            }

            hops.Add(CoresCbor.ReadBytes(reader, CoresLimits.MaxHopLength, What));
        }

        reader.ReadEndArray();
        return hops.Count > 0 ? hops.DrainToImmutable() : throw CoresCbor.Invalid(What, "no hops");
    }

    private static Route Build(RouteSegment[] segments, ICryptDE cryptDe, PayerSigner? payer, uint? returnRouteId)
    {
        for (int s = 0; s < segments.Length; s++)
        {
            var keys = segments[s].Keys;
            if (keys.Count < 2 || keys.Any(k => k.IsEmpty))
            {
                throw new ArgumentException("A route segment has at least two non-empty keys.", nameof(segments));
            }

            if (s > 0 && keys[0] != segments[s - 1].Keys[^1])
            {
                throw new ArgumentException("Each route segment must start where the previous one ends.", nameof(segments));
            }
        }

        var hops = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>();
        for (int s = 0; s < segments.Length; s++)
        {
            var keys = segments[s].Keys;
            for (int i = 0; i + 1 < keys.Count; i++)
            {
                // The Node that starts a segment after the first is where the previous one delivers.
                var component = s > 0 && i == 0 ? segments[s - 1].Recipient : Component.Hopper;
                hops.Add(new LiveHop(keys[i + 1], payer?.SignFor(keys[i]), component).Seal(cryptDe, keys[i]));
            }
        }

        var last = segments[^1];
        var finalReader = last.Keys[^1];
        hops.Add(new LiveHop(PublicKey.Empty, payer?.SignFor(finalReader), last.Recipient).Seal(cryptDe, finalReader));

        if (returnRouteId is { } id)
        {
            var writer = CoresCbor.NewWriter(8);
            writer.WriteUInt32(id);
            hops.Add(cryptDe.Seal(segments[0].Keys[0], writer.Encode()));
        }

        if (hops.Count > CoresLimits.MaxHops)
        {
            throw new ArgumentException($"A route has at most {CoresLimits.MaxHops} hops.", nameof(segments));
        }

        return new Route(hops.DrainToImmutable());
    }

    private Route DropTopHop(ICryptDE cryptDe)
    {
        var garbage = new byte[Hops[0].Length];
        cryptDe.FillRandom(garbage);
        var hops = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(Hops.Length);
        for (int i = 1; i < Hops.Length; i++)
        {
            hops.Add(Hops[i]);
        }

        hops.Add(garbage);
        return new Route(hops.MoveToImmutable());
    }
}
