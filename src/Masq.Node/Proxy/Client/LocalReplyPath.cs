using Masq.Node.Hopper;
using Masq.Node.Protocol;

namespace Masq.Node.Proxy.Client;

/// <summary>Zero-hop: answers go straight to this Node's ProxyServer, unsealed (the data is copied, as the reader reuses its buffer).</summary>
internal sealed class LocalReplyPath(HopperService hopper) : IExitReplyPath
{
    public async ValueTask<bool> SendResponseAsync(StreamKey key, ReadOnlyMemory<byte> data, ulong sequenceNumber, bool lastData, CancellationToken cancellationToken)
    {
        var packet = new SequencedPacket(data.ToArray(), sequenceNumber, lastData);
        await hopper.SendToLocalOriginAsync(new ClientResponseMessage(new ClientResponsePayload(key, packet)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask<bool> SendCreditAsync(StreamKey key, ulong limit, CancellationToken cancellationToken)
    {
        var packet = new SequencedPacket(ReadOnlyMemory<byte>.Empty, 0, LastData: false);
        await hopper.SendToLocalOriginAsync(new ClientResponseMessage(new ClientResponsePayload(key, packet, limit)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask<bool> SendDnsFailureAsync(StreamKey key, CancellationToken cancellationToken)
    {
        await hopper.SendToLocalOriginAsync(new DnsResolveFailedMessage(new DnsResolveFailure(key)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask<bool> SendServerFailureAsync(StreamKey key, ServerFailureKind kind, ulong sequenceNumber, CancellationToken cancellationToken)
    {
        await hopper.SendToLocalOriginAsync(new ServerFailedMessage(new ServerFailure(key, kind, sequenceNumber)), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
