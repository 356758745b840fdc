namespace Masq.Node.Protocol;

/// <summary>What went wrong between an exit and the server (the <c>kind</c> of <see cref="ServerFailure"/>; text on the wire).</summary>
internal enum ServerFailureKind
{
    /// <summary>The server's host refused the connection (nothing listens on the port).</summary>
    ConnectionRefused,

    /// <summary>No way to the server's host (host or network unreachable).</summary>
    HostUnreachable,

    /// <summary>The connection attempt got no answer in time.</summary>
    ConnectTimedOut,

    /// <summary>The server accepted the connection but sent nothing back in time.</summary>
    ResponseTimedOut,

    /// <summary>The server reset (or aborted) the connection.</summary>
    ConnectionReset,

    /// <summary>The exit does not connect to that address (its own loopback addresses, unless allowed).</summary>
    TargetRefusedByExit,
}
