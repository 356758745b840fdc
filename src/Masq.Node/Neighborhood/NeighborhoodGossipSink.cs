using Masq.Node.Hopper;
using Masq.Node.Protocol;

namespace Masq.Node.Neighborhood;

/// <summary>Hands gossip the Hopper expired here to the Neighborhood's actor (which drops it in zero-hop mode).</summary>
internal sealed class NeighborhoodGossipSink(NeighborhoodActor neighborhood) : IGossipSink
{
    public ValueTask ReceiveAsync(ExpiredCoresPackage<MessageType> package, CancellationToken cancellationToken) =>
        neighborhood.PostAsync(new NeighborhoodMessage.PackageArrived(package), cancellationToken);
}
