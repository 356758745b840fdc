namespace Masq.Node.Proxy.Server;

/// <summary>Why a stream ended before the server answered: what the browser side turns into a page, an alert or a SOCKS5 reply.</summary>
internal enum StreamFailureKind
{
    /// <summary>No consuming wallet to pay the network with.</summary>
    ConsumingWalletMissing,

    /// <summary>No route to an exit (no neighbors, or none that lead to an exit).</summary>
    NoRoute,

    /// <summary>The route died before the exit answered (a link closed, or a probe went unanswered).</summary>
    RouteFailed,

    /// <summary>No exit could resolve the host name.</summary>
    DnsFailed,

    /// <summary>The exit could not reach (or lost) the server; <see cref="StreamFailure.Server"/> says how.</summary>
    ServerFailed,

    /// <summary>The exit said nothing in time about a connection the browser side is waiting for (SOCKS5 CONNECT).</summary>
    ConnectUnanswered,
}
