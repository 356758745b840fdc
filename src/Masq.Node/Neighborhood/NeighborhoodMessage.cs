using System.Net;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Protocol;
using Masq.Node.Routing;
using Masq.Node.Ui;

namespace Masq.Node.Neighborhood;

/// <summary>What the Neighborhood's actor handles, one at a time, so its database needs no locks.</summary>
internal abstract record NeighborhoodMessage
{
    /// <summary>Debut to the initial neighbors (posted once at start).</summary>
    public sealed record Start : NeighborhoodMessage;

    /// <summary>Gossip or a GossipFailure expired here by the Hopper.</summary>
    public sealed record PackageArrived(ExpiredCoresPackage<MessageType> Package) : NeighborhoodMessage;

    /// <summary>The ProxyServer wants a round trip.</summary>
    public sealed record RouteRequested(RouteQuery Query, TaskCompletionSource<RoundTripPlan?> Answer) : NeighborhoodMessage;

    /// <summary>An exit could not resolve a host.</summary>
    public sealed record UnreachableHost(PublicKey ExitKey, string Hostname) : NeighborhoodMessage;

    /// <summary>A clandestine link closed, or could not be opened.</summary>
    public sealed record LinkLost(IPEndPoint Remote, bool NeverConnected) : NeighborhoodMessage;

    /// <summary>The 10 s after a Debut went out to an initial neighbor have passed.</summary>
    public sealed record GossipResponseDue(IPAddress PeerIp) : NeighborhoodMessage;

    /// <summary>min-hops changed at run time.</summary>
    public sealed record MinHopsChanged(int MinHops) : NeighborhoodMessage;

    public sealed record Ui(UiRequest Request) : NeighborhoodMessage;

    /// <summary>Send the gossip that changes since the last flush call for (one message per neighbor for a batch of changes).</summary>
    public sealed record FlushGossip : NeighborhoodMessage;

    /// <summary>The past neighbors <paramref name="Keys"/> are now stored (saved off the actor's loop).</summary>
    public sealed record PastNeighborsSaved(IReadOnlySet<PublicKey> Keys) : NeighborhoodMessage;

    /// <summary>Periodic: debut again to initial neighbors while this Node has no full neighbor.</summary>
    public sealed record RetryDebuts : NeighborhoodMessage;

    /// <summary>The router that maps this Node's port now has another public address.</summary>
    public sealed record PublicAddressChanged(IPAddress Address) : NeighborhoodMessage;

    /// <summary>A link at the address a third party's gossip claims for a known Node proved that Node's key.</summary>
    public sealed record AddressProved(VerifiedGossipRecord Claim) : NeighborhoodMessage;
}
