namespace Masq.Node.Neighborhood.Routes;

/// <summary>
/// One leg's exhaustive depth-first search with branch-and-bound (neighborhood.md §5), over a <see cref="RouteGraph"/>.
/// A leg starts at <c>start</c>, crosses full links only, never revisits a Node, passes only through Nodes allowed to
/// relay, and ends at a Node with a finite terminal cost once it has at least <c>minHops</c> hops (exactly, unless
/// <c>overshoot</c>), provided the last Node does not list the first when the leg has more than one hop.
/// <para>
/// Pruning: a branch is dropped once a lower bound of its cost reaches the best complete leg so far. The bound is the
/// branch's cost plus a precomputed per-Node estimate of the cheapest way to finish from there with the hops still
/// required (walks allowed, the "not too close" rule ignored), so it never overestimates. Children are tried in
/// ascending order of that bound, then of a similar bound on the hops still needed (so that a mesh of equal or zero
/// rates still heads straight for an end), then in ascending key order; this finds a cheap leg early. The first leg
/// found at the final minimum cost wins, so ties are broken deterministically, never by hash order.
/// </para>
/// <para>
/// Safety valve: a search stops after <see cref="MaxVisits"/> visits and keeps the best leg found by then (see
/// <see cref="Truncated"/>). Realistic meshes need a few hundred visits; only pathological ones come near it.
/// </para>
/// <para>The inner loop allocates nothing: the path, the on-path flags and the per-depth child lists are arrays made once.</para>
/// </summary>
internal sealed class LegSearch
{
    /// <summary>The most Nodes one leg search visits before it settles for the best leg found so far.</summary>
    public const int MaxVisits = 1_000_000;

    private readonly RouteGraph _graph;
    private readonly int _start;
    private readonly long _startCharge;
    private readonly long[] _relayCharge;
    private readonly bool[] _canRelay;
    private readonly long[] _terminal;
    private readonly bool[] _lastListsFirst;
    private readonly int _minHops;
    private readonly int _maxHops;
    private readonly bool _overshoot;
    private readonly long[][] _bound;
    private readonly long[][] _hopBound;
    private readonly int[] _path;
    private readonly bool[] _onPath;
    private readonly int[] _childNodes;
    private readonly long[] _childBounds;
    private readonly long[] _childHops;
    private readonly int _stride;
    private int[] _bestPath = [];
    private long _best = RouteCost.Impossible;
    private int _visits;

    /// <param name="graph">The database snapshot.</param>
    /// <param name="start">Where the leg starts (its first key).</param>
    /// <param name="startCharge">What the start Node adds (0 for the originator; the exit's exit and routing charges on the return leg).</param>
    /// <param name="relayCharge">What each Node adds when it relays on this leg.</param>
    /// <param name="canRelay">Whether each Node may be an intermediate Node of this leg.</param>
    /// <param name="terminal">What each Node adds when it ends the leg, or <see cref="RouteCost.Impossible"/> if it cannot.</param>
    /// <param name="lastListsFirst">For each possible last Node, whether its record lists the start Node.</param>
    /// <param name="minHops">The fewest hops (keys − 1) of a complete leg.</param>
    /// <param name="maxHops">The most hops allowed.</param>
    /// <param name="overshoot">Whether the leg may end after more than <paramref name="minHops"/> hops.</param>
    public LegSearch(
        RouteGraph graph,
        int start,
        long startCharge,
        long[] relayCharge,
        bool[] canRelay,
        long[] terminal,
        bool[] lastListsFirst,
        int minHops,
        int maxHops,
        bool overshoot)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHops, 1);
        _graph = graph;
        _start = start;
        _startCharge = startCharge;
        _relayCharge = relayCharge;
        _canRelay = canRelay;
        _terminal = terminal;
        _lastListsFirst = lastListsFirst;
        _minHops = minHops;
        _maxHops = Math.Min(maxHops, graph.Count - 1);
        _overshoot = overshoot;
        _bound = ComputeBounds(relayCharge, terminal);
        var unit = new long[graph.Count];
        var ends = new long[graph.Count];
        for (int v = 0; v < unit.Length; v++)
        {
            unit[v] = 1;
            ends[v] = terminal[v] == RouteCost.Impossible ? RouteCost.Impossible : 0;
        }

        _hopBound = ComputeBounds(unit, ends);
        _path = new int[graph.Count];
        _onPath = new bool[graph.Count];
        _stride = Math.Max(graph.MaxDegree, 1);
        _childNodes = new int[graph.Count * _stride];
        _childBounds = new long[graph.Count * _stride];
        _childHops = new long[graph.Count * _stride];
    }

    /// <summary>The cost of the leg found, or <see cref="RouteCost.Impossible"/>.</summary>
    public long BestCost => _best;

    /// <summary>Graph indexes of the leg found, start first; empty when there is none.</summary>
    public IReadOnlyList<int> BestPath => _bestPath;

    /// <summary>True when the search hit <see cref="MaxVisits"/>: the leg found may not be the cheapest.</summary>
    public bool Truncated => _visits > MaxVisits;

    /// <summary>Nodes visited so far: the work the search did, independent of how fast the machine is.</summary>
    public int Visits => _visits;

    /// <summary>Searches; true when a complete leg was found.</summary>
    public bool Run()
    {
        if (_maxHops < _minHops)
        {
            return false;
        }

        _path[0] = _start;
        _onPath[_start] = true;
        Visit(_start, 0, 0);
        _onPath[_start] = false;
        return _best != RouteCost.Impossible;
    }

    private void Visit(int node, int hops, long cost)
    {
        if (++_visits > MaxVisits)
        {
            return;
        }

        if (hops >= _minHops && (_overshoot || hops == _minHops) && _terminal[node] != RouteCost.Impossible
            && (hops == 1 || !_lastListsFirst[node]))
        {
            long total = RouteCost.Add(cost, _terminal[node]);
            if (total < _best)
            {
                _best = total;
                _bestPath = _path.AsSpan(0, hops + 1).ToArray();
            }
        }

        if (hops == _maxHops || (!_overshoot && hops >= _minHops) || (hops > 0 && !_canRelay[node]))
        {
            return;
        }

        long through = RouteCost.Add(cost, hops == 0 ? _startCharge : _relayCharge[node]);
        if (through >= _best)
        {
            return;
        }

        // Collect the children whose bound beats the best so far, sorted by (bound, hop bound, index) by insertion.
        int owed = Math.Max(_minHops - (hops + 1), 0);
        long[] bound = _bound[owed];
        long[] hopBound = _hopBound[owed];
        int offset = hops * _stride;
        int count = 0;
        foreach (int child in _graph.Full[node])
        {
            if (_onPath[child])
            {
                continue;
            }

            long lower = RouteCost.Add(through, bound[child]);
            if (lower >= _best)
            {
                continue;
            }

            long hopsLeft = hopBound[child];
            int at = offset + count;
            while (at > offset && (_childBounds[at - 1] > lower || (_childBounds[at - 1] == lower && _childHops[at - 1] > hopsLeft)))
            {
                _childBounds[at] = _childBounds[at - 1];
                _childHops[at] = _childHops[at - 1];
                _childNodes[at] = _childNodes[at - 1];
                at--;
            }

            _childBounds[at] = lower;
            _childHops[at] = hopsLeft;
            _childNodes[at] = child;
            count++;
        }

        for (int i = 0; i < count; i++)
        {
            if (_childBounds[offset + i] >= _best || _visits > MaxVisits)
            {
                break;
            }

            int child = _childNodes[offset + i];
            _onPath[child] = true;
            _path[hops + 1] = child;
            Visit(child, hops + 1, through);
            _onPath[child] = false;
        }
    }

    /// <summary>
    /// bound[k][v]: a lower bound of what v and the Nodes after it add when v still owes at least k hops (exactly k
    /// without overshoot). Layer 0 is the terminal cost, or with overshoot the cheapest node-weighted walk to any
    /// terminal (Dijkstra); layer k is v's relay charge plus the best layer k − 1 neighbor.
    /// </summary>
    private long[][] ComputeBounds(long[] relayCharge, long[] terminal)
    {
        int n = _graph.Count;
        var layers = new long[_minHops + 1][];
        var zero = (long[])terminal.Clone();
        if (_overshoot)
        {
            var queue = new PriorityQueue<int, long>();
            for (int v = 0; v < n; v++)
            {
                if (zero[v] != RouteCost.Impossible)
                {
                    queue.Enqueue(v, zero[v]);
                }
            }

            while (queue.TryDequeue(out int u, out long distance))
            {
                if (distance != zero[u])
                {
                    continue;
                }

                foreach (int v in _graph.Full[u])
                {
                    if (!_canRelay[v])
                    {
                        continue;
                    }

                    long through = RouteCost.Add(relayCharge[v], distance);
                    if (through < zero[v])
                    {
                        zero[v] = through;
                        queue.Enqueue(v, through);
                    }
                }
            }
        }

        layers[0] = zero;
        for (int k = 1; k <= _minHops; k++)
        {
            var previous = layers[k - 1];
            var layer = new long[n];
            for (int v = 0; v < n; v++)
            {
                long next = RouteCost.Impossible;
                if (_canRelay[v])
                {
                    foreach (int u in _graph.Full[v])
                    {
                        next = Math.Min(next, previous[u]);
                    }
                }

                layer[v] = RouteCost.Add(relayCharge[v], next);
            }

            layers[k] = layer;
        }

        return layers;
    }
}
