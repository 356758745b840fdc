using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>
/// Where the ProxyServer gets routes (data-path.md §2.1; route selection belongs to the Neighborhood,
/// neighborhood.md §5). Implementations: <see cref="ZeroHopRouteSource"/> (zero-hop mode),
/// <see cref="FixedRouteSource"/> (tests and the mesh benchmark), and the Neighborhood's gossip-based one.
/// Called concurrently from many streams; must be thread-safe.
/// </summary>
internal interface IRouteSource
{
    /// <summary>A round-trip route for a new stream, or null when there is none (the user gets a 503 page).</summary>
    ValueTask<RoundTripPlan?> FindRoundTripAsync(RouteQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// An exit could not resolve <paramref name="hostname"/> (the reference's AddUnreachableHost): routes for that host
    /// should avoid that exit from now on.
    /// </summary>
    void ReportUnreachableHost(PublicKey exitKey, string hostname);
}
