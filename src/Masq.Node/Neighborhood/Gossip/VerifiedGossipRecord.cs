using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Records;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>A received record whose signature checked out on our chain, with its decoded inner part (the reference's AccessibleGossipRecord).</summary>
internal sealed record VerifiedGossipRecord(SignedNodeRecord Signed, NodeRecordInner Inner, NodeAddr? NodeAddr)
{
    public PublicKey Key => Inner.PublicKey;
}
