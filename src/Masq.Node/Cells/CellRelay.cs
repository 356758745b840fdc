using System.Security.Cryptography;
using Masq.Node.Crypto;

namespace Masq.Node.Cells;

/// <summary>
/// A Node's part in other Nodes' routes (docs/protocol.md §2): opens the setup entry sealed to it (the only
/// public-key operation, once per route), then per cell removes its layer towards the exit or adds it towards the
/// originator, checks the replay window and rewrites label and counter for the next link. At the exit, its layer is
/// the end-to-end ChaCha20-Poly1305 check. Steady-state cells are processed in place with no allocation.
/// Thread-safe: link tasks call it concurrently.
/// </summary>
internal sealed class CellRelay
{
    private readonly ICryptDE _identity;
    private readonly IPeerDirectory _peers;
    private readonly RouteTable _routes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxLifetime;

    public CellRelay(ICryptDE identity, IPeerDirectory peers, RouteTable routes, CellCounters counters, TimeProvider time, TimeSpan maxLifetime)
    {
        _identity = identity;
        _peers = peers;
        _routes = routes;
        Counters = counters;
        _time = time;
        _maxLifetime = maxLifetime;
    }

    public CellCounters Counters { get; }

    /// <summary>Processes a cell that arrived from <paramref name="fromPeer"/>; may rewrite it in place.</summary>
    public CellOutcome Process(long fromPeer, Span<byte> cell)
    {
        if (!CellFormat.IsCellLength(cell.Length) || CellFormat.ReadLength(cell) != cell.Length)
        {
            return Dropped(CellDrop.BadSize);
        }

        ulong label = CellFormat.ReadLabel(cell);
        ulong counter = CellFormat.ReadCounter(cell);
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        return CellFormat.ReadKind(cell) switch
        {
            CellKind.Setup => Setup(fromPeer, label, counter, cell, now),
            CellKind.Forward => Forward(fromPeer, label, counter, cell, now),
            CellKind.Backward => Backward(fromPeer, label, counter, cell, now),
            CellKind.UnknownRoute => Teardown(fromPeer, label, cell, backward: true, now),
            CellKind.Destroy => Teardown(fromPeer, label, cell, backward: false, now),
            _ => Dropped(CellDrop.BadKind),
        };
    }

    /// <summary>
    /// At the exit: seals the body the caller wrote at <see cref="CellFormat.BodyLength"/> bytes after the header and
    /// addresses the cell to the originator. Returns the peer to send it to.
    /// </summary>
    public static long SealBackward(RelayRoute exitRoute, Span<byte> cell)
    {
        if (!exitRoute.IsExit || !CellFormat.IsCellLength(cell.Length))
        {
            throw new ArgumentException("Only the exit seals cells towards the originator, in a cell of a cell size.");
        }

        ulong sequence = exitRoute.NextBackwardSequence();
        Span<byte> nonce = stackalloc byte[CellSodium.NonceLength];
        CellFormat.WriteNonce(nonce, sequence);
        var payload = cell[CellFormat.HeaderLength..];
        CellSodium.Seal(payload[..^CellFormat.TagLength], payload[^CellFormat.TagLength..], default, nonce, exitRoute.Keys.Backward);
        CellFormat.WriteHeader(cell, exitRoute.InLabel, CellKind.Backward, sequence + exitRoute.InOffset);
        return exitRoute.InPeer;
    }

    private CellOutcome Setup(long fromPeer, ulong label, ulong counter, Span<byte> cell, long now)
    {
        if (cell.Length != CellFormat.LargeLength)
        {
            return Dropped(CellDrop.BadSize);
        }

        var payload = cell[CellFormat.HeaderLength..];
        Span<byte> opened = stackalloc byte[RouteSetupEntry.Length];
        if (!_identity.TryOpen(payload[..CellFormat.EntryLength], opened)
            || RouteSetupEntry.TryRead(opened) is not { } entry
            || entry.InLabel != label
            || ((counter - entry.InOffset) & CellFormat.CounterMask) != 0)
        {
            CryptographicOperations.ZeroMemory(opened);
            return Dropped(CellDrop.BadSetup);
        }

        CryptographicOperations.ZeroMemory(opened);
        if (entry.ExpiresUnixSeconds < now)
        {
            return Dropped(CellDrop.Expired);
        }

        long outPeer = 0;
        if (!entry.IsExit && !_peers.TryGetPeer(entry.NextHop, out outPeer))
        {
            Counters.CountDrop(CellDrop.NoNextHop);
            return new CellOutcome(CellAction.ReplyUnknownRoute, fromPeer, label, Drop: CellDrop.NoNextHop);
        }

        var keys = LayerKeys.Derive(entry.KeySeed.Span);
        // A route lives no longer than this Node allows, whatever its originator asked: bounded state in time too.
        long expires = Math.Min(entry.ExpiresUnixSeconds, now + (long)_maxLifetime.TotalSeconds);
        var route = new RelayRoute(fromPeer, outPeer, entry, keys, expires);
        if (!_routes.TryAdd(route, now))
        {
            // Do not answer: the label's owner may be a live route of the same neighbor (this is likely a replay).
            return Dropped(CellDrop.LabelInUse);
        }

        route.TryAcceptForward(0);
        Span<byte> nonce = stackalloc byte[CellSodium.NonceLength];
        CellFormat.WriteNonce(nonce, 0);
        if (route.IsExit)
        {
            var body = payload[CellFormat.SetupRegionLength..];
            var region = payload[..CellFormat.SetupRegionLength];
            if (!CellSodium.Open(body[..^CellFormat.TagLength], body[^CellFormat.TagLength..], region, nonce, keys.Forward))
            {
                return Tampered(route);
            }

            Counters.CountDelivered();
            return new CellOutcome(
                CellAction.Deliver,
                fromPeer,
                label,
                route,
                CellFormat.HeaderLength + CellFormat.SetupRegionLength,
                CellFormat.SetupBodyLength);
        }

        // Remove this hop's layer from everything after its entry, shift the next entries forward, pad with filler.
        CellSodium.StreamXor(payload[CellFormat.EntryLength..], nonce, keys.Forward);
        payload[CellFormat.EntryLength..CellFormat.SetupRegionLength].CopyTo(payload);
        CellFormat.WriteFiller(payload[(CellFormat.SetupRegionLength - CellFormat.EntryLength)..CellFormat.SetupRegionLength], keys.Forward);
        CellFormat.WriteHeader(cell, route.OutLabel, CellKind.Setup, route.OutOffset);
        Counters.CountRelayed();
        return new CellOutcome(CellAction.Send, outPeer, route.OutLabel, route);
    }

    private CellOutcome Forward(long fromPeer, ulong label, ulong counter, Span<byte> cell, long now)
    {
        var route = _routes.Find(fromPeer, label, backward: false, now);
        if (route is null)
        {
            Counters.CountDrop(CellDrop.UnknownLabel);
            return new CellOutcome(CellAction.ReplyUnknownRoute, fromPeer, label, Drop: CellDrop.UnknownLabel);
        }

        ulong sequence = (counter - route.InOffset) & CellFormat.CounterMask;
        if (!route.TryAcceptForward(sequence))
        {
            return Dropped(CellDrop.Replayed);
        }

        Span<byte> nonce = stackalloc byte[CellSodium.NonceLength];
        CellFormat.WriteNonce(nonce, sequence);
        var payload = cell[CellFormat.HeaderLength..];
        if (route.IsExit)
        {
            if (!CellSodium.Open(payload[..^CellFormat.TagLength], payload[^CellFormat.TagLength..], default, nonce, route.Keys.Forward))
            {
                return Tampered(route);
            }

            Counters.CountDelivered();
            return new CellOutcome(CellAction.Deliver, fromPeer, label, route, CellFormat.HeaderLength, CellFormat.BodyLength(cell.Length));
        }

        CellSodium.StreamXor(payload, nonce, route.Keys.Forward);
        CellFormat.WriteHeader(cell, route.OutLabel, CellKind.Forward, sequence + route.OutOffset);
        Counters.CountRelayed();
        return new CellOutcome(CellAction.Send, route.OutPeer, route.OutLabel, route);
    }

    private CellOutcome Backward(long fromPeer, ulong label, ulong counter, Span<byte> cell, long now)
    {
        var route = _routes.Find(fromPeer, label, backward: true, now);
        if (route is null)
        {
            // Towards the originator nobody is told: the exit's side of a route this Node forgot will hear it forward.
            return Dropped(CellDrop.UnknownLabel);
        }

        ulong sequence = (counter - route.OutOffset) & CellFormat.CounterMask;
        if (!route.TryAcceptBackward(sequence))
        {
            return Dropped(CellDrop.Replayed);
        }

        Span<byte> nonce = stackalloc byte[CellSodium.NonceLength];
        CellFormat.WriteNonce(nonce, sequence);
        CellSodium.StreamXor(cell[CellFormat.HeaderLength..], nonce, route.Keys.Backward);
        CellFormat.WriteHeader(cell, route.InLabel, CellKind.Backward, sequence + route.InOffset);
        Counters.CountRelayed();
        return new CellOutcome(CellAction.Send, route.InPeer, route.InLabel, route);
    }

    private CellOutcome Teardown(long fromPeer, ulong label, Span<byte> cell, bool backward, long now)
    {
        var route = _routes.Find(fromPeer, label, backward, now);
        if (route is null)
        {
            return Dropped(CellDrop.UnknownLabel);
        }

        _routes.Remove(route);
        if (route.IsExit)
        {
            return new CellOutcome(CellAction.Closed, fromPeer, label, route);
        }

        // Pass it on with the next link's label and fresh random bytes, so it shares nothing with the cell that came.
        var (peer, nextLabel) = backward ? (route.InPeer, route.InLabel) : (route.OutPeer, route.OutLabel);
        CellFormat.WriteControl(cell, nextLabel, backward ? CellKind.UnknownRoute : CellKind.Destroy);
        return new CellOutcome(CellAction.Send, peer, nextLabel, route);
    }

    /// <summary>An end-to-end check failed at the exit: the route is dropped and its originator told to rebuild.</summary>
    private CellOutcome Tampered(RelayRoute route)
    {
        _routes.Remove(route);
        Counters.CountDrop(CellDrop.BadTag);
        return new CellOutcome(CellAction.ReplyUnknownRoute, route.InPeer, route.InLabel, route, Drop: CellDrop.BadTag);
    }

    private CellOutcome Dropped(CellDrop reason)
    {
        Counters.CountDrop(reason);
        return new CellOutcome(CellAction.Drop, Drop: reason);
    }
}
