namespace Masq.Node.Protocol;

/// <summary>
/// Upper bounds that every decoder enforces before trusting a length, so that hostile input cannot make a Node
/// allocate or recurse without bound. Generous against what honest Nodes send.
/// </summary>
internal static class CoresLimits
{
    /// <summary>
    /// A sealed or plain LiveCoresPackage. Honest packages carry at most one 64 KiB browser read or one routed exit read
    /// (<see cref="Networking.DataPathOptions.MaxRoutedChunkLength"/>, 256 KiB), plus the route; ProxyServer and
    /// ProxyClient must chunk larger data.
    /// </summary>
    public const int MaxPackageLength = 1024 * 1024;

    /// <summary>Hops in a route: min-hops is at most 6 each way in the reference, plus terminal and return-route ID.</summary>
    public const int MaxHops = 32;

    /// <summary>One sealed hop (a real LiveHop with a payer is about 330 bytes).</summary>
    public const int MaxHopLength = 2048;

    public const int MaxPublicKeyLength = 256;

    /// <summary>A DNS name is at most 253 characters; leave room for an optional ":port" the exit accepts.</summary>
    public const int MaxHostnameLength = 260;

    /// <summary>Map/array nesting allowed when skipping unknown fields of a newer payload version.</summary>
    public const int MaxNestingDepth = 16;

    /// <summary>Fields a map may carry, known or unknown, before it is rejected.</summary>
    public const int MaxMapEntries = 64;
}
