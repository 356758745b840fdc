using Masq.Node.Protocol;

namespace Masq.Node.Proxy.Client;

/// <summary>How an exit stream's answers get back to the originator.</summary>
internal interface IExitReplyPath
{
    /// <summary>Sends one chunk of server data (empty with <paramref name="lastData"/> when the server closed). Waits under backpressure.</summary>
    ValueTask<bool> SendResponseAsync(StreamKey key, ReadOnlyMemory<byte> data, ulong sequenceNumber, bool lastData, CancellationToken cancellationToken);

    /// <summary>The host did not resolve (or nothing it resolved to accepted a connection).</summary>
    ValueTask<bool> SendDnsFailureAsync(StreamKey key, CancellationToken cancellationToken);
}
