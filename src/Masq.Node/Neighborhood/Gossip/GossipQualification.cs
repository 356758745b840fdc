namespace Masq.Node.Neighborhood.Gossip;

/// <summary>A handler's answer to "is this message mine?" (neighborhood.md §3.2); Malformed carries a reason for the ban.</summary>
internal readonly record struct GossipQualification(GossipQualificationKind Kind, string? Reason)
{
    public static GossipQualification Matched { get; } = new(GossipQualificationKind.Matched, null);

    public static GossipQualification Unmatched { get; } = new(GossipQualificationKind.Unmatched, null);

    public static GossipQualification Malformed(string reason) => new(GossipQualificationKind.Malformed, reason);
}
