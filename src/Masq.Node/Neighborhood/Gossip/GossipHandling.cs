using Masq.Node.Crypto;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>The result of handling one gossip message: what to send (or not) and the connection-progress events to report.</summary>
internal sealed record GossipHandling(GossipOutcome Outcome, IReadOnlyList<ConnectionProgressEvent> Events)
{
    /// <summary>Neighbors that stopped listing the root, which the root then stopped listing too.</summary>
    public IReadOnlyList<PublicKey> PartedFrom { get; init; } = [];

    public static GossipHandling Of(GossipOutcome outcome) => new(outcome, []);
}
