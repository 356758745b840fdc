using System.Buffers;
using Masq.Node.Crypto;
using Masq.Node.Hopper;
using Masq.Node.Protocol;
using Masq.Node.Routing;

namespace Masq.Node.Proxy.Client;

/// <summary>
/// Answers by the route the request came with, each payload sealed for the originator's alias key (data-path.md §2.3).
/// The exit's own hop is shifted once per stream (<see cref="PreparedRoute"/>), not once per chunk.
/// </summary>
internal sealed class RoutedReplyPath(HopperService hopper, PreparedRoute route, PublicKey originatorAlias, ICryptDE main) : IExitReplyPath
{
    /// <summary>The hot path: the message is encoded straight into a pooled buffer and sealed from there.</summary>
    public async ValueTask<bool> SendResponseAsync(StreamKey key, ReadOnlyMemory<byte> data, ulong sequenceNumber, bool lastData, CancellationToken cancellationToken)
    {
        int length = ClientResponsePayload.MessageLength(data.Length);
        byte[] message = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            ClientResponsePayload.WriteMessage(message, key, data.Span, sequenceNumber, lastData);
            return await hopper.SendSealingAsync(route, message.AsMemory(0, length), main, originatorAlias, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    public ValueTask<bool> SendCreditAsync(StreamKey key, ulong limit, CancellationToken cancellationToken) =>
        SendAsync(new ClientResponseMessage(new ClientResponsePayload(key, new SequencedPacket(ReadOnlyMemory<byte>.Empty, 0, LastData: false), limit)), cancellationToken);

    public ValueTask<bool> SendDnsFailureAsync(StreamKey key, CancellationToken cancellationToken) =>
        SendAsync(new DnsResolveFailedMessage(new DnsResolveFailure(key)), cancellationToken);

    public ValueTask<bool> SendServerFailureAsync(StreamKey key, ServerFailureKind kind, ulong sequenceNumber, CancellationToken cancellationToken) =>
        SendAsync(new ServerFailedMessage(new ServerFailure(key, kind, sequenceNumber)), cancellationToken);

    /// <exception cref="CryptDeException">The originator's key is not one this Node can seal for.</exception>
    private ValueTask<bool> SendAsync(MessageType message, CancellationToken cancellationToken) =>
        hopper.SendAsync(route, main.Seal(originatorAlias, message.Encode()), cancellationToken);
}
