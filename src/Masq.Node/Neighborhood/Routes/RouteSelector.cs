using System.Diagnostics.CodeAnalysis;
using System.Net;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Routing;

namespace Masq.Node.Neighborhood.Routes;

/// <summary>
/// Route selection of an originating Node (neighborhood.md §5; data-path.md §5 for the costs). Two independent
/// searches over the database: the over leg from the root with no target, costed for the request size, then the back
/// leg from the chosen exit to the root, costed for 1000 × the request size. Both are exhaustive branch-and-bound
/// searches (<see cref="LegSearch"/>) over full-neighbor links between Nodes in the database that route data (the
/// originator may end the back leg whatever its flags), without cycles. The two legs may share relays.
/// <list type="bullet">
/// <item>Over leg: ends at exactly min-hops, or past it while an exit-country preference is active (looking for an
/// acceptable exit); the exit must satisfy the <see cref="IExitCountryRule"/>, and when the leg has more than one hop
/// the exit and the originator must not be neighbors in either direction (not even half neighbors). The reference
/// checks only that the exit does not list the originator, while its back leg refuses an exit the originator lists:
/// an originator with a half link to the cheapest exit then found no route at all, although other exits would do
/// (seen as RouteFound followed by "Can't find a route" in a 10-Node mesh at min-hops 6).</item>
/// <item>Back leg: ends at the originator after at least min-hops hops (it may take more); with more than one hop the
/// originator must not list the exit.</item>
/// <item>Costs: each over relay adds its routing charge for the request; the exit adds its exit charge, its
/// <see cref="NodeRecord.CountryUndesirability"/> and <see cref="RouteCost.UnreachableHostPenalty"/> when it could not
/// resolve the hostname before. The back leg starts with the exit's exit and routing charges for the response and adds
/// each later relay's routing charge. The originator charges nothing.</item>
/// <item>Without a consuming wallet a leg may have only 2 keys, so only 1-hop routes exist (the search is limited to
/// them, so a cheaper longer leg cannot hide a usable 1-hop one).</item>
/// </list>
/// Pure code over a database the caller owns; not thread-safe with respect to changes of that database.
/// </summary>
internal sealed class RouteSelector
{
    /// <summary>The largest min-hops the Node accepts.</summary>
    public const int MaxMinHops = 6;

    /// <summary>
    /// The cheapest round trip of at least <paramref name="minHops"/> hops, or null when there is none (the caller
    /// logs the unsatisfied query and the ProxyServer serves its "can't find a route" answer).
    /// </summary>
    /// <param name="db">The Neighborhood's database; its root is the originator.</param>
    /// <param name="minHops">1 to 6.</param>
    /// <param name="hostname">The stream's host, for the unreachable-host penalty; null when unknown.</param>
    /// <param name="payloadSize">The first request's size in bytes.</param>
    /// <param name="rule">The exit-country rule (use <see cref="ExitCountryRule.None"/> without preferences).</param>
    /// <param name="hasConsumingWallet">Whether this Node can pay relays and exits.</param>
    public SelectedRoute? FindRoundTrip(
        NeighborhoodDatabase db, int minHops, string? hostname, int payloadSize, IExitCountryRule rule, bool hasConsumingWallet) =>
        FindRoundTrip(RouteGraph.Build(db), minHops, hostname, payloadSize, rule, hasConsumingWallet);

    /// <summary>As the other overload, over a snapshot the caller may reuse while the database is unchanged.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The selector is a service its callers are given; keeping the search on the instance lets it keep state (a cached snapshot) without changing them.")]
    public SelectedRoute? FindRoundTrip(
        RouteGraph graph, int minHops, string? hostname, int payloadSize, IExitCountryRule rule, bool hasConsumingWallet)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minHops, MaxMinHops);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadSize);

        int maxHops = hasConsumingWallet ? graph.Count - 1 : 1;
        if (minHops > maxHops)
        {
            return null;
        }

        var over = SearchOver(graph, minHops, maxHops, hostname, payloadSize, rule);
        if (over is null)
        {
            return null;
        }

        var back = SearchBack(graph, over.BestPath[^1], minHops, maxHops, payloadSize);
        if (back is null)
        {
            return null;
        }

        return new SelectedRoute(
            Describe(graph, over.BestPath), Describe(graph, back.BestPath), over.BestCost, back.BestCost)
        {
            SearchVisits = over.Visits + back.Visits,
        };
    }

    /// <summary>
    /// The declared countries of the Nodes that could be the exit of an over leg of exactly
    /// <paramref name="minHops"/> hops, ignoring any exit-country rule (for the <c>exitLocation</c> UI answer and for
    /// deciding whether a chosen country is reachable). Nodes without a country are left out. Sorted, distinct.
    /// </summary>
    public IReadOnlyList<string> AvailableExitCountries(NeighborhoodDatabase db, int minHops) =>
        AvailableExitCountries(RouteGraph.Build(db), minHops);

    /// <inheritdoc cref="AvailableExitCountries(NeighborhoodDatabase, int)"/>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The selector is a service its callers are given; keeping the search on the instance lets it keep state (a cached snapshot) without changing them.")]
    public IReadOnlyList<string> AvailableExitCountries(RouteGraph graph, int minHops)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHops, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minHops, MaxMinHops);
        var reachable = new bool[graph.Count];
        var onPath = new bool[graph.Count];
        onPath[graph.Root] = true;
        MarkExits(graph, graph.Root, 0, minHops, onPath, reachable);
        var countries = new SortedSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < graph.Count; v++)
        {
            if (reachable[v] && graph.Records[v].CountryCode is { } country)
            {
                countries.Add(country);
            }
        }

        return [.. countries];
    }

    private static LegSearch? SearchOver(RouteGraph graph, int minHops, int maxHops, string? hostname, int payloadSize, IExitCountryRule rule)
    {
        int n = graph.Count;
        var relay = new long[n];
        var canRelay = new bool[n];
        var terminal = new long[n];
        for (int v = 0; v < n; v++)
        {
            var record = graph.Records[v];
            var rates = record.Inner.RatePack;
            bool usable = v != graph.Root && record.RoutesData;
            canRelay[v] = usable;
            relay[v] = RouteCost.Charge(rates.RoutingServiceRate, rates.RoutingByteRate, payloadSize);
            if (usable && rule.IsAcceptableExit(record.CountryCode))
            {
                long exit = RouteCost.Add(RouteCost.Charge(rates.ExitServiceRate, rates.ExitByteRate, payloadSize), record.CountryUndesirability);
                if (hostname is not null && record.IsUnreachable(hostname))
                {
                    exit = RouteCost.Add(exit, RouteCost.UnreachableHostPenalty);
                }

                terminal[v] = exit;
            }
            else
            {
                terminal[v] = RouteCost.Impossible;
            }
        }

        bool overshoot = rule.HasPreference;
        var search = new LegSearch(
            graph, graph.Root, 0, relay, canRelay, terminal, graph.NearRoot, minHops, overshoot ? maxHops : minHops, overshoot);
        return search.Run() ? search : null;
    }

    private static LegSearch? SearchBack(RouteGraph graph, int exit, int minHops, int maxHops, int payloadSize)
    {
        int n = graph.Count;
        long response = payloadSize * RouteCost.ResponseSizeFactor;
        var relay = new long[n];
        var canRelay = new bool[n];
        var terminal = new long[n];
        var lastListsFirst = new bool[n];
        for (int v = 0; v < n; v++)
        {
            var record = graph.Records[v];
            var rates = record.Inner.RatePack;
            canRelay[v] = v != graph.Root && record.RoutesData;
            relay[v] = RouteCost.Charge(rates.RoutingServiceRate, rates.RoutingByteRate, response);
            terminal[v] = v == graph.Root ? 0 : RouteCost.Impossible;
        }

        var exitRecord = graph.Records[exit];
        lastListsFirst[graph.Root] = graph.Records[graph.Root].ListsNeighbor(exitRecord.Key);
        var exitRates = exitRecord.Inner.RatePack;
        long start = RouteCost.Add(
            RouteCost.Charge(exitRates.ExitServiceRate, exitRates.ExitByteRate, response),
            RouteCost.Charge(exitRates.RoutingServiceRate, exitRates.RoutingByteRate, response));
        var search = new LegSearch(graph, exit, start, relay, canRelay, terminal, lastListsFirst, minHops, maxHops, overshoot: true);
        return search.Run() ? search : null;
    }

    private static void MarkExits(RouteGraph graph, int node, int hops, int minHops, bool[] onPath, bool[] reachable)
    {
        if (hops == minHops)
        {
            if (hops == 1 || !graph.NearRoot[node])
            {
                reachable[node] = true;
            }

            return;
        }

        foreach (int child in graph.Full[node])
        {
            if (onPath[child] || child == graph.Root || !graph.Records[child].RoutesData)
            {
                continue;
            }

            onPath[child] = true;
            MarkExits(graph, child, hops + 1, minHops, onPath, reachable);
            onPath[child] = false;
        }
    }

    private static RouteNode[] Describe(RouteGraph graph, IReadOnlyList<int> path)
    {
        var nodes = new RouteNode[path.Count];
        for (int i = 0; i < path.Count; i++)
        {
            var record = graph.Records[path[i]];
            var address = record.Address;
            var endpoint = address is { Ports.Length: > 0 } ? new IPEndPoint(address.Ip, address.Ports[0]) : null;
            nodes[i] = new RouteNode(record.Key, endpoint, record.Inner.EarningWallet, record.Inner.RatePack);
        }

        return nodes;
    }
}
