using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Masq.Node.Routing;

namespace Masq.Node.Neighborhood.Routes;

/// <summary>
/// A round trip chosen by <see cref="RouteSelector"/>: the over leg (originator first, exit last) and the back leg
/// (exit first, originator last), each Node described for <see cref="RoundTripPlanner"/>, and the undesirability of
/// each leg as the search costed it.
/// </summary>
internal sealed class SelectedRoute
{
    private readonly Dictionary<PublicKey, RouteNode> _nodes = [];

    public SelectedRoute(IReadOnlyList<RouteNode> over, IReadOnlyList<RouteNode> back, long overUndesirability, long backUndesirability)
    {
        ArgumentNullException.ThrowIfNull(over);
        ArgumentNullException.ThrowIfNull(back);
        ArgumentOutOfRangeException.ThrowIfLessThan(over.Count, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(back.Count, 2);
        OverNodes = over;
        BackNodes = back;
        Over = over.Select(static n => n.Key).ToArray();
        Back = back.Select(static n => n.Key).ToArray();
        OverUndesirability = overUndesirability;
        BackUndesirability = backUndesirability;
        foreach (var node in over.Concat(back))
        {
            _nodes.TryAdd(node.Key, node);
        }
    }

    /// <summary>Nodes the two leg searches visited together (see <see cref="LegSearch.MaxVisits"/>).</summary>
    public int SearchVisits { get; init; }

    /// <summary>Keys of the over leg: originator first, exit last.</summary>
    public IReadOnlyList<PublicKey> Over { get; }

    /// <summary>Keys of the back leg: exit first, originator last.</summary>
    public IReadOnlyList<PublicKey> Back { get; }

    public IReadOnlyList<RouteNode> OverNodes { get; }

    public IReadOnlyList<RouteNode> BackNodes { get; }

    public PublicKey ExitKey => Over[^1];

    /// <summary>Hops of the over leg (keys − 1).</summary>
    public int Hops => Over.Count - 1;

    public long OverUndesirability { get; }

    public long BackUndesirability { get; }

    /// <summary>The description of a Node on either leg (the originator included), or null; for <see cref="RoundTripPlanner.Build"/>.</summary>
    public RouteNode? Describe(PublicKey key) => _nodes.GetValueOrDefault(key);
}
