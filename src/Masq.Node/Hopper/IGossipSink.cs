using Masq.Node.Protocol;

namespace Masq.Node.Hopper;

/// <summary>
/// The seam for the Neighborhood: the Hopper expires Gossip and GossipFailure packages addressed to this Node's
/// Neighborhood component here, already opened with the main key. <see cref="ExpiredCoresPackage{T}.ImmediateNeighbor"/>
/// is the TCP peer that delivered it (the gossip source of neighborhood.md §3.1). To send gossip, the Neighborhood
/// uses <see cref="HopperService.SendAsync(IncipientCoresPackage, CancellationToken)"/> (a route to a neighbor's Neighborhood)
/// or <see cref="HopperService.SendNoLookupAsync"/> (Debuts and replies straight to an address).
/// </summary>
internal interface IGossipSink
{
    ValueTask ReceiveAsync(ExpiredCoresPackage<MessageType> package, CancellationToken cancellationToken);
}
