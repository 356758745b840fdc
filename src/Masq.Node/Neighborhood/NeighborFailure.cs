namespace Masq.Node.Neighborhood;

/// <summary>Why an initial neighbor did not become a neighbor (neighborhood.md §6).</summary>
internal enum NeighborFailure
{
    None,
    TcpConnectionFailed,
    NoGossipResponseReceived,
    PassLoopFound,
}
