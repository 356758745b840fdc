using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Routing;

/// <summary>
/// A route source's answer: the sealed round-trip route, who the exit is and what every Node on the way charges.
/// </summary>
/// <param name="Route">
/// The onion of hops (<see cref="Route.RoundTrip"/>), or null for the zero-hop plan, where the Node is its own
/// exit and hands requests and responses to itself without sealing anything.
/// </param>
/// <param name="ExitKey">The exit's main key: request payloads are sealed for it.</param>
/// <param name="ReturnRouteId">The ID sealed at the end of <paramref name="Route"/>; responses carry it back.</param>
/// <param name="Over">One entry per key of the over segment, originator first.</param>
/// <param name="Back">One entry per key of the back segment, exit first, originator last.</param>
internal sealed record RoundTripPlan(
    Route? Route,
    PublicKey ExitKey,
    uint ReturnRouteId,
    IReadOnlyList<ExpectedService> Over,
    IReadOnlyList<ExpectedService> Back)
{
    public bool IsZeroHop => Route is null;

    /// <summary>The exit's charge entry, or null when the exit is this Node.</summary>
    public ExpectedExit? Exit
    {
        get
        {
            foreach (var service in Over)
            {
                if (service is ExpectedExit exit)
                {
                    return exit;
                }
            }

            return null;
        }
    }
}
