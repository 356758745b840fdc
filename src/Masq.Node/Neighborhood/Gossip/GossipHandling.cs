namespace Masq.Node.Neighborhood.Gossip;

/// <summary>The result of handling one gossip message: what to send (or not) and the connection-progress events to report.</summary>
internal sealed record GossipHandling(GossipOutcome Outcome, IReadOnlyList<ConnectionProgressEvent> Events)
{
    public static GossipHandling Of(GossipOutcome outcome) => new(outcome, []);
}
