using Masq.Node.Protocol;

namespace Masq.Node.Proxy.Client;

/// <summary>How an exit stream's answers get back to the originator.</summary>
internal interface IExitReplyPath
{
    /// <summary>Sends one chunk of server data (empty with <paramref name="lastData"/> when the server closed). Waits under backpressure.</summary>
    ValueTask<bool> SendResponseAsync(StreamKey key, ReadOnlyMemory<byte> data, ulong sequenceNumber, bool lastData, CancellationToken cancellationToken);

    /// <summary>
    /// A credit update (protocol.md §4): the originator may send request data up to <paramref name="limit"/> bytes in
    /// all. Outside the response sequence.
    /// </summary>
    ValueTask<bool> SendCreditAsync(StreamKey key, ulong limit, CancellationToken cancellationToken);

    /// <summary>The host did not resolve (or resolved only to addresses this exit does not connect to).</summary>
    ValueTask<bool> SendDnsFailureAsync(StreamKey key, CancellationToken cancellationToken);

    /// <summary>The server could not be reached, or failed after <paramref name="sequenceNumber"/> response packets.</summary>
    ValueTask<bool> SendServerFailureAsync(StreamKey key, ServerFailureKind kind, ulong sequenceNumber, CancellationToken cancellationToken);
}
