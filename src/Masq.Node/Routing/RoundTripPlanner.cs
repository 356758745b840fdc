using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Routing;

/// <summary>
/// Turns a chosen pair of segments into a <see cref="RoundTripPlan"/>: seals the route (data-path.md §2.1) and lists
/// the expected services, as the reference Neighborhood's route query answer does. Shared by every route source
/// that picks real routes (the fixed one here, the Neighborhood's later).
/// </summary>
internal static class RoundTripPlanner
{
    /// <param name="main">The originator's main CryptDE (hops and the return-route ID are sealed with it).</param>
    /// <param name="payer">The consuming wallet, or null (then only routes without relays will be accepted by others).</param>
    /// <param name="over">Originator first, exit last.</param>
    /// <param name="back">Exit first, originator last.</param>
    /// <param name="describe">The other Nodes' wallets and rates; never asked about the originator itself.</param>
    public static RoundTripPlan Build(
        ICryptDE main,
        PayerSigner? payer,
        IReadOnlyList<PublicKey> over,
        IReadOnlyList<PublicKey> back,
        Func<PublicKey, RouteNode?> describe,
        uint returnRouteId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(over.Count, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(back.Count, 2);
        if (over[0] != main.PublicKey || back[^1] != main.PublicKey || back[0] != over[^1])
        {
            throw new ArgumentException("A round trip starts and ends at this Node and turns at the exit.");
        }

        var route = Route.RoundTrip(
            new RouteSegment(over, Component.ProxyClient),
            new RouteSegment(back, Component.ProxyServer),
            main,
            payer,
            returnRouteId);
        return new RoundTripPlan(
            route,
            over[^1],
            returnRouteId,
            Services(main.PublicKey, over, exitIndex: over.Count - 1, describe),
            Services(main.PublicKey, back, exitIndex: 0, describe));
    }

    private static ExpectedService[] Services(PublicKey self, IReadOnlyList<PublicKey> keys, int exitIndex, Func<PublicKey, RouteNode?> describe)
    {
        var services = new ExpectedService[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            if (keys[i] == self)
            {
                services[i] = ExpectedNothing.Instance;
                continue;
            }

            var node = describe(keys[i]) ?? throw new ArgumentException("A route names a Node nobody described.");
            services[i] = i == exitIndex
                ? new ExpectedExit(node.Key, node.EarningWallet, node.Rates)
                : new ExpectedRouting(node.Key, node.EarningWallet, node.Rates);
        }

        return services;
    }
}
