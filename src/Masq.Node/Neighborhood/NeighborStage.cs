namespace Masq.Node.Neighborhood;

/// <summary>How far the Node got with one initial neighbor (neighborhood.md §6).</summary>
internal enum NeighborStage
{
    StageZero,
    TcpConnectionEstablished,
    NeighborshipEstablished,
    Failed,
}
