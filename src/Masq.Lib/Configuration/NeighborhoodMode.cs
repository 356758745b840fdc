namespace Masq.Lib.Configuration;

/// <summary>How a Node relates to other Nodes (<c>--neighborhood-mode</c>).</summary>
public enum NeighborhoodMode
{
    /// <summary>Accepts connections, routes and exits; the default.</summary>
    Standard,

    /// <summary>Opens connections to neighbors, accepts none; still routes and exits over the links it opened.</summary>
    OriginateOnly,

    /// <summary>Only consumes: opens connections, accepts none, routes nothing, charges nothing.</summary>
    ConsumeOnly,

    /// <summary>No network at all: the Node is its own route and exit; for testing.</summary>
    ZeroHop,
}
