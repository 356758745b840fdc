namespace Masq.Node.Neighborhood.Gossip;

internal enum GossipQualificationKind
{
    Matched,
    Unmatched,
    Malformed,
}
