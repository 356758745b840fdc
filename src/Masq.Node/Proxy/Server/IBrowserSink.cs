namespace Masq.Node.Proxy.Server;

/// <summary>The browser end of a stream: where the ProxyServer writes responses and counterfeit errors.</summary>
internal interface IBrowserSink
{
    /// <summary>
    /// Queues response data for the browser without waiting for it (the stream's credit window bounds what is queued);
    /// once written, the sink reports it with <see cref="ProxyServer.Consumed"/>. Data for a stream the connection has
    /// moved on from, or after the connection is gone, is dropped.
    /// </summary>
    ValueTask WriteAsync(ProxyStream stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>The server closed the stream: flush what is queued, then close the browser connection.</summary>
    ValueTask FinishAsync(ProxyStream stream, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a counterfeit error (page or TLS alert) after what is queued, then closes. A sink that speaks another
    /// protocol to its client (SOCKS5) answers <paramref name="failure"/> in its own terms instead.
    /// </summary>
    ValueTask FailAsync(ProxyStream? stream, ReadOnlyMemory<byte> counterfeit, StreamFailure failure, CancellationToken cancellationToken);

    /// <summary>
    /// The exit reports the server connected, for a stream opened with <see cref="ProxyServer.ConnectAsync"/> (SOCKS5:
    /// the success reply may go out now). Comes before any response data.
    /// </summary>
    ValueTask ConnectedAsync(ProxyStream stream, CancellationToken cancellationToken);

    /// <summary>The server failed mid-answer: write what is queued, then reset the browser connection (no FIN, no page).</summary>
    void Reset(ProxyStream stream);

    /// <summary>The stream timed out: close the browser connection now, without waiting for queued data.</summary>
    void Abort(ProxyStream stream);
}
