namespace Masq.IntegrationTests.Neighborhood;

/// <summary>How one real Node of a <see cref="RealMesh"/> is started (everything but its address, ports and directory).</summary>
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

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public static MeshNodeOptions Standard { get; } = new();

    /// <summary>A standard Node that debuts to <paramref name="members"/>.</summary>
    public static MeshNodeOptions DebutTo(params MeshMember[] members) => new() { Neighbors = [.. members.Select(m => m.Descriptor)] };
}
