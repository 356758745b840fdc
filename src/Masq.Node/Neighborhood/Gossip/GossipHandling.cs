using Masq.Node.Crypto;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>The result of handling one gossip message: what to send (or not) and the connection-progress events to report.</summary>
internal sealed record GossipHandling(GossipOutcome Outcome, IReadOnlyList<ConnectionProgressEvent> Events)
{
    /// <summary>Neighbors that stopped listing the root, which the root then stopped listing too.</summary>
    public IReadOnlyList<PublicKey> PartedFrom { get; init; } = [];

    /// <summary>
    /// The root's neighbors that some other Node just stopped listing: perhaps dead. A neighbor the root has no link
    /// of its own to would otherwise keep its full link in the root's graph for good.
    /// </summary>
    public IReadOnlyList<PublicKey> Suspects { get; init; } = [];

    /// <summary>
    /// Newer records of known Nodes that a third party's gossip puts at another address (left out: the address is
    /// outside the signature). Each is believed once a link at that address proves the Node's key
    /// (<see cref="GossipAcceptor.ApplyProvenMove"/>).
    /// </summary>
    public IReadOnlyList<VerifiedGossipRecord> AddressClaims { get; init; } = [];

    public static GossipHandling Of(GossipOutcome outcome) => new(outcome, []);
}
