using System.Net;
using Masq.Lib.Ui.Messages;

namespace Masq.Node.Neighborhood;

/// <summary>
/// The Node's connection progress (neighborhood.md §6): one entry per initial neighbor, keyed by its current peer IP,
/// moving StageZero → TcpConnectionEstablished → NeighborshipEstablished or to Failed; and the overall stage
/// NotConnected → ConnectedToNeighbor → RouteFound, which only a min-hops change lowers. The per-neighbor entries are
/// changed by the Neighborhood's actor only; <see cref="Stage"/> may be read from any thread. Where the reference
/// panics on an out-of-order stage, this ignores the event and says so in <see cref="Advance"/>'s result.
/// </summary>
internal sealed class ConnectionProgress
{
    private readonly Dictionary<IPAddress, NeighborProgress> _neighbors = [];
    private int _stage = (int)UiConnectionStage.NotConnected;

    /// <summary>Raised with the new stage whenever it changes.</summary>
    public event Action<UiConnectionStage>? Changed;

    public UiConnectionStage Stage => (UiConnectionStage)Volatile.Read(ref _stage);

    public IReadOnlyCollection<NeighborProgress> Neighbors => _neighbors.Values;

    /// <summary>True while some initial neighbor has neither succeeded nor failed.</summary>
    public bool AnyPending => _neighbors.Values.Any(n => n.Stage is NeighborStage.StageZero or NeighborStage.TcpConnectionEstablished);

    public bool IsTracked(IPAddress ip) => _neighbors.ContainsKey(ip);

    public NeighborProgress? Get(IPAddress ip) => _neighbors.GetValueOrDefault(ip);

    public void Advance(UiConnectionStage stage)
    {
        var previous = (UiConnectionStage)Interlocked.Exchange(ref _stage, (int)stage);
        if (previous != stage)
        {
            Changed?.Invoke(stage);
        }
    }

    /// <summary>Starts tracking an initial neighbor the Node debuts to.</summary>
    public void Track(IPAddress peerIp) =>
        _neighbors.TryAdd(peerIp, new NeighborProgress(peerIp, NeighborStage.StageZero, NeighborFailure.None));

    /// <summary>Stops tracking (a GossipFailure from it); returns whether any entries remain.</summary>
    public bool Forget(IPAddress peerIp)
    {
        _neighbors.Remove(peerIp);
        return _neighbors.Count > 0;
    }

    public bool TcpConnected(IPAddress peerIp) => Step(peerIp, NeighborStage.StageZero, NeighborStage.TcpConnectionEstablished);

    /// <summary>
    /// Connecting failed. Also from TcpConnectionEstablished: a Debut counts as sent once queued on its link, before the
    /// connection is known to have opened.
    /// </summary>
    public bool TcpFailed(IPAddress peerIp) => Fail(peerIp, NeighborFailure.TcpConnectionFailed, onlyFrom: null);

    /// <summary>A failed entry starts again at StageZero (the Node debuts to it again); false when it was not failed.</summary>
    public bool Retry(IPAddress peerIp)
    {
        if (!_neighbors.TryGetValue(peerIp, out var entry) || entry.Stage != NeighborStage.Failed)
        {
            return false;
        }

        _neighbors[peerIp] = new NeighborProgress(peerIp, NeighborStage.StageZero, NeighborFailure.None);
        return true;
    }

    /// <summary>The 10 s wait after connecting ran out with the entry unchanged.</summary>
    public bool NoGossipResponse(IPAddress peerIp) => Fail(peerIp, NeighborFailure.NoGossipResponseReceived, onlyFrom: NeighborStage.TcpConnectionEstablished);

    public bool PassLoop(IPAddress peerIp) => Fail(peerIp, NeighborFailure.PassLoopFound, onlyFrom: null);

    /// <summary>
    /// A Pass from <paramref name="peerIp"/> sent us on to <paramref name="newIp"/>: the entry starts again at StageZero
    /// under the new IP, unless another entry already has that IP.
    /// </summary>
    public bool Passed(IPAddress peerIp, IPAddress newIp)
    {
        if (!_neighbors.ContainsKey(peerIp) || _neighbors.ContainsKey(newIp))
        {
            return false;
        }

        _neighbors.Remove(peerIp);
        _neighbors[newIp] = new NeighborProgress(newIp, NeighborStage.StageZero, NeighborFailure.None);
        return true;
    }

    /// <summary>An Introduction or a Standard-gossip acceptance from a tracked peer: neighborship, and ConnectedToNeighbor.</summary>
    public bool NeighborshipEstablished(IPAddress peerIp)
    {
        if (!_neighbors.TryGetValue(peerIp, out var entry) || entry.Stage is NeighborStage.NeighborshipEstablished)
        {
            return false;
        }

        _neighbors[peerIp] = entry with { Stage = NeighborStage.NeighborshipEstablished, Failure = NeighborFailure.None };
        if (Stage == UiConnectionStage.NotConnected)
        {
            Advance(UiConnectionStage.ConnectedToNeighbor);
        }

        return true;
    }

    /// <summary>A min-hops change: RouteFound drops to ConnectedToNeighbor until a route is found again.</summary>
    public void RouteLost()
    {
        if (Stage == UiConnectionStage.RouteFound)
        {
            Advance(UiConnectionStage.ConnectedToNeighbor);
        }
    }

    private bool Step(IPAddress peerIp, NeighborStage from, NeighborStage to)
    {
        if (!_neighbors.TryGetValue(peerIp, out var entry) || entry.Stage != from)
        {
            return false;
        }

        _neighbors[peerIp] = entry with { Stage = to };
        return true;
    }

    private bool Fail(IPAddress peerIp, NeighborFailure failure, NeighborStage? onlyFrom)
    {
        if (!_neighbors.TryGetValue(peerIp, out var entry)
            || entry.Stage is NeighborStage.NeighborshipEstablished or NeighborStage.Failed
            || (onlyFrom is { } required && entry.Stage != required))
        {
            return false;
        }

        _neighbors[peerIp] = entry with { Stage = NeighborStage.Failed, Failure = failure };
        return true;
    }
}
