using System.Collections.Concurrent;
using Masq.Node.Crypto;
using Masq.Node.Routing;

namespace Masq.Tests.Shared;

/// <summary>
/// A route source for tests and the mesh benchmark: hands out the first of a fixed list of round trips whose exit has
/// not failed to resolve the stream's host, so 1- to 6-hop routes across Nodes in one process (or several) can be
/// exercised without gossip. A harness puts it in place of the Node's own route source.
/// </summary>
internal sealed class FixedRouteSource(ICryptDE main, IPayerSource payer, NodeDirectory directory, IReadOnlyList<FixedRoute> routes) : IRouteSource
{
    private readonly ReturnRouteIds _ids = new();
    private readonly ConcurrentDictionary<(PublicKey Exit, string Host), bool> _unreachable = new();

    public ValueTask<RoundTripPlan?> FindRoundTripAsync(RouteQuery query, CancellationToken cancellationToken)
    {
        foreach (var route in routes)
        {
            if (query.Hostname is { } host && _unreachable.ContainsKey((route.Exit, host)))
            {
                continue;
            }

            var plan = RoundTripPlanner.Build(main, payer.Signer, route.Over, route.Back, Describe, _ids.Next());
            return ValueTask.FromResult<RoundTripPlan?>(plan);
        }

        return ValueTask.FromResult<RoundTripPlan?>(null);
    }

    public void ReportUnreachableHost(PublicKey exitKey, string hostname) => _unreachable[(exitKey, hostname)] = true;

    private RouteNode? Describe(PublicKey key) => directory.TryGet(key, out var node) ? node : null;
}
