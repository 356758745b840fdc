using System.Net;

namespace Masq.Node.Neighborhood;

/// <summary>One tracked initial neighbor: its current peer IP (a Pass moves it), stage and failure.</summary>
internal sealed record NeighborProgress(IPAddress PeerIp, NeighborStage Stage, NeighborFailure Failure);
