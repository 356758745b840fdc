namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// <c>GossipFailure_0v1</c> (neighborhood.md §3.1). Only <see cref="NoSuitableNeighbors"/> is ever produced; the
/// others are decoded so that a peer sending them is understood rather than treated as garbage.
/// </summary>
internal enum GossipFailureKind
{
    NoNeighbors,
    NoSuitableNeighbors,
    ManualRejection,
    Unknown,
}
