using Masq.Node.Hopper;
using Masq.Node.Protocol;

namespace Masq.Node.Neighborhood;

/// <summary>Hands gossip the Hopper expired here to the Neighborhood's actor.</summary>
internal sealed class NeighborhoodGossipSink(Lazy<NeighborhoodActor> neighborhood) : IGossipSink
{
    public ValueTask ReceiveAsync(ExpiredCoresPackage<MessageType> package, CancellationToken cancellationToken) =>
        neighborhood.Value.PostAsync(new NeighborhoodMessage.PackageArrived(package), cancellationToken);
}
