using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>What the Neighborhood should do after handling one gossip message (neighborhood.md §3.2, §3.4).</summary>
internal abstract record GossipOutcome
{
    private GossipOutcome()
    {
    }

    /// <summary>The database changed: gossip to the root's half neighbors.</summary>
    public sealed record Accepted : GossipOutcome
    {
        public static Accepted Instance { get; } = new();
    }

    /// <summary>Send only <paramref name="Gossip"/>, as a no-lookup package to <paramref name="Target"/> at <paramref name="Address"/>.</summary>
    public sealed record Reply(Gossip Gossip, PublicKey Target, NodeAddr Address) : GossipOutcome;

    /// <summary>Send a GossipFailure as a no-lookup package.</summary>
    public sealed record Failed(GossipFailureKind Failure, PublicKey Target, NodeAddr Address) : GossipOutcome;

    /// <summary>Nothing new; send nothing.</summary>
    public sealed record Ignored : GossipOutcome
    {
        public static Ignored Instance { get; } = new();
    }

    /// <summary>The sender misbehaved: log, remember it in the <see cref="MalefactorList"/>, send nothing.</summary>
    public sealed record Ban(string Reason) : GossipOutcome;
}
