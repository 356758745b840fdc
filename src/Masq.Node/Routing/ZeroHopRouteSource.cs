using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>
/// Zero-hop mode (data-path.md §2.5): every route is [self, self] both ways with nothing to pay, and the Node is its
/// own exit. The plan has no sealed route at all: the Hopper hands the request straight to the local ProxyClient,
/// which is what "it may skip sealing for itself" buys.
/// </summary>
internal sealed class ZeroHopRouteSource(NodeIdentity identity) : IRouteSource
{
    private static readonly ExpectedService[] Nothing = [ExpectedNothing.Instance, ExpectedNothing.Instance];

    private readonly ReturnRouteIds _ids = new();

    public ValueTask<RoundTripPlan?> FindRoundTripAsync(RouteQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RoundTripPlan?>(new RoundTripPlan(null, identity.Main.PublicKey, _ids.Next(), Nothing, Nothing));

    /// <summary>Zero-hop has one exit and no retries; there is nothing to avoid.</summary>
    public void ReportUnreachableHost(Crypto.PublicKey exitKey, string hostname)
    {
    }
}
