using System.Collections.Concurrent;
using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Hopper;

/// <summary>
/// Remembers the hops this Node has opened. Every package of a stream carries the same sealed hop bytes (the route is
/// built once per stream), so a relay opens each hop once instead of once per package, and checks the payer's proof
/// (a secp256k1 recovery, the dearest step of relaying) once per payer. The key is the complete sealed hop: sealed
/// boxes are authenticated, so equal bytes mean an equal hop. Bounded: the table is cleared when it fills.
/// </summary>
internal sealed class HopCache(ICryptDE main, int capacity = 4096)
{
    private readonly ConcurrentDictionary<SealedBytesKey, HopEntry> _hops = new();
    private readonly ConcurrentDictionary<SealedBytesKey, uint> _returnRouteIds = new();
    private readonly ConcurrentDictionary<Payer, bool> _payers = new();
    private readonly byte[] _digest = main.Digest();

    /// <summary>The top hop of <paramref name="route"/>, opened with the main key.</summary>
    /// <exception cref="CoresDecodeException">Not sealed for this Node, or not a hop inside.</exception>
    public HopEntry Open(ReadOnlyMemory<byte> sealedHop)
    {
        var key = new SealedBytesKey(sealedHop);
        if (_hops.TryGetValue(key, out var entry))
        {
            return entry;
        }

        entry = new HopEntry(LiveHop.Open(main, sealedHop.Span), CheckPayer);
        if (_hops.Count >= capacity)
        {
            _hops.Clear();
        }

        _hops[key.Detached()] = entry;
        return entry;
    }

    /// <summary>
    /// Whether the hop's payer proof was made for this Node, recovered once per payer: an originator's proof for this
    /// Node is the same bytes in every route it builds (deterministic signing), so only its first route through this
    /// Node pays the secp256k1 recovery (~0.26 ms), not every new stream. Bounded as the hops are.
    /// </summary>
    private bool CheckPayer(LiveHop hop)
    {
        if (hop.Payer is not { } payer)
        {
            return false;
        }

        if (_payers.TryGetValue(payer, out bool proven))
        {
            return proven;
        }

        proven = payer.OwnsSecretKey(_digest);
        if (_payers.Count >= capacity)
        {
            _payers.Clear();
        }

        _payers[payer] = proven;
        return proven;
    }

    /// <summary>The return-route ID a round trip ends with, opened with the main key.</summary>
    /// <exception cref="CoresDecodeException">Not sealed for this Node, or not a u32 inside.</exception>
    public uint ReadReturnRouteId(Route route)
    {
        var key = new SealedBytesKey(route.Hops[0]);
        if (_returnRouteIds.TryGetValue(key, out uint id))
        {
            return id;
        }

        id = route.ReadReturnRouteId(main);
        if (_returnRouteIds.Count >= capacity)
        {
            _returnRouteIds.Clear();
        }

        _returnRouteIds[key.Detached()] = id;
        return id;
    }

    /// <summary>
    /// Removes the top hop and appends random bytes of the same length (as <see cref="Route.Shift"/> does), using the
    /// cached hop.
    /// </summary>
    public (HopEntry Hop, Route Remaining) Shift(Route route)
    {
        var entry = Open(route.Hops[0]);
        var hops = System.Collections.Immutable.ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>(route.Hops.Length);
        for (int i = 1; i < route.Hops.Length; i++)
        {
            hops.Add(route.Hops[i]);
        }

        var garbage = new byte[route.Hops[0].Length];
        main.FillRandom(garbage);
        hops.Add(garbage);
        return (entry, new Route(hops.MoveToImmutable()));
    }
}
