using Masq.Node.Crypto;
using Masq.Node.Routing;

namespace Masq.Node.Neighborhood.Routes;

/// <summary>
/// The ProxyServer's route source outside zero-hop mode: each query goes to the Neighborhood's actor, which owns the
/// database, and the answer comes back through a task (the reference's RouteQueryMessage).
/// </summary>
internal sealed class GossipRouteSource(NeighborhoodActor neighborhood) : IRouteSource
{
    public async ValueTask<RoundTripPlan?> FindRoundTripAsync(RouteQuery query, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<RoundTripPlan?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await neighborhood.PostAsync(new NeighborhoodMessage.RouteRequested(query, answer), cancellationToken).ConfigureAwait(false);
        return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void ReportUnreachableHost(PublicKey exitKey, string hostname) =>
        neighborhood.TryPost(new NeighborhoodMessage.UnreachableHost(exitKey, hostname));
}
