using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Records;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// One record as it travels in gossip (<c>GossipNodeRecord</c>, neighborhood.md §2): the exact signed bytes, the
/// signature, and the NodeAddr the sender chose to reveal. The NodeAddr is outside the signature, so it is only as
/// trustworthy as the sender (hence the IP safeguards of the acceptor).
/// </summary>
internal sealed record GossipNodeRecord(SignedNodeRecord Record, NodeAddr? NodeAddr);
