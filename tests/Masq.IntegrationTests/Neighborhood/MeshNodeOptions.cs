using System.Net;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>How one real Node of a <see cref="RealMesh"/> is started (everything but its ports and directory).</summary>
internal sealed record MeshNodeOptions
{
    /// <summary>standard, originate-only, consume-only or zero-hop.</summary>
    public string Mode { get; init; } = "standard";

    /// <summary>The descriptors given as <c>--neighbors</c>; none: the argument is left out.</summary>
    public IReadOnlyList<string> Neighbors { get; init; } = [];

    /// <summary><c>--min-hops</c>; null leaves it out (the database's value, 3 for a new one).</summary>
    public int? MinHops { get; init; } = 3;

    /// <summary>Whether the Node gets a consuming private key (needed to originate over routes longer than 1 hop).</summary>
    public bool ConsumingWallet { get; init; } = true;

    /// <summary>Whether the Node gets a database password (needed to keep past neighbors).</summary>
    public bool DbPassword { get; init; } = true;

    /// <summary><c>--log-level</c>; the console shows info and above, the log file everything at this level.</summary>
    public string LogLevel { get; init; } = "info";

    /// <summary>
    /// The Node's <c>--ip</c>, when not the next 127.0.1.x the mesh hands out: e.g. a public address added to the
    /// loopback device so that the Node declares that address's country. Only read when the member is created (its first
    /// start); a restart keeps the member's address.
    /// </summary>
    public IPAddress? Ip { get; init; }

    /// <summary>The Node's <c>--dns-servers</c>, when not the mesh's own dnsmasq (ignored in consume-only mode).</summary>
    public IPAddress? DnsServer { get; init; }

    /// <summary><c>--blockchain-service-url</c>; by default a loopback port where nothing answers (no chain needed).</summary>
    public string BlockchainServiceUrl { get; init; } = "http://127.0.0.1:8545";

    /// <summary>Whether the Node runs its payment scans; false passes <c>--scans off</c>.</summary>
    public bool Scans { get; init; }

    /// <summary><c>--earning-wallet</c>; null leaves it out (the chain's default earning wallet).</summary>
    public string? EarningWallet { get; init; }

    /// <summary>The consuming private key (hex) to pass when <see cref="ConsumingWallet"/>; null: the member's own random one.</summary>
    public string? ConsumingPrivateKey { get; init; }

    /// <summary>More environment variables for the Node (e.g. the data path's <c>MASQ_DATAPATH_*</c> limits).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>More arguments (the Node refuses a parameter given twice, so none of those above).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public static MeshNodeOptions Standard { get; } = new();

    /// <summary>A standard Node that debuts to <paramref name="members"/>.</summary>
    public static MeshNodeOptions DebutTo(params MeshMember[] members) => new() { Neighbors = [.. members.Select(m => m.Descriptor)] };
}
