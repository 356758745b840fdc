using System.Net;
using System.Net.Sockets;

namespace Masq.Lib.PortMapping;

/// <summary>
/// One request to the router over UDP, resent on a doubling timeout (RFC 6886 §3.1, RFC 6887 §8.1.1) a bounded number
/// of times. The socket is connected to the router, so the kernel drops datagrams from anyone else and reports an ICMP
/// port-unreachable as a refusal. Answers that do not parse, or answer another request, are skipped; when nothing
/// usable arrives the error names the worst thing seen.
/// </summary>
internal static class UdpTransaction
{
    /// <summary>What a parser makes of a datagram: the answer, or why it is not one.</summary>
    public readonly record struct Reading<T>(T? Answer, string? Rejection)
        where T : class
    {
        public static Reading<T> Accept(T answer) => new(answer, null);

        public static Reading<T> Reject(string why) => new(null, why);
    }

    public static async Task<T> ExchangeAsync<T>(
        string protocolName,
        IPEndPoint server,
        byte[] request,
        Func<ReadOnlyMemory<byte>, Reading<T>> parse,
        TimeSpan initialTimeout,
        int attempts,
        CancellationToken cancellationToken)
        where T : class
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new PortMappingException($"{protocolName}: cannot reach the router at {server}: {e.SocketErrorCode}", e);
        }
        var buffer = new byte[1100];
        string? rejection = null;
        var timeout = initialTimeout;
        for (var attempt = 0; attempt < Math.Max(1, attempts); attempt++, timeout *= 2)
        {
            try
            {
                await socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                throw new PortMappingException($"{protocolName}: the router at {server} refused the request (nothing listens there)", e);
            }
            using var attemptDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptDeadline.CancelAfter(timeout);
            // Bounded: a router spraying junk cannot hold one attempt longer than its timeout, nor past 64 datagrams.
            for (var datagram = 0; datagram < 64; datagram++)
            {
                int received;
                try
                {
                    received = await socket.ReceiveAsync(buffer, SocketFlags.None, attemptDeadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
                {
                    throw new PortMappingException($"{protocolName}: the router at {server} refused the request (nothing listens there)", e);
                }
                var reading = parse(buffer.AsMemory(0, received));
                if (reading.Answer is { } answer)
                {
                    return answer;
                }
                rejection = reading.Rejection;
            }
        }
        var waited = initialTimeout * ((1 << Math.Max(1, attempts)) - 1);
        throw new PortMappingException(rejection is null
            ? $"{protocolName}: no answer from the router at {server} after {attempts} requests ({waited.TotalSeconds:0.#} s)"
            : $"{protocolName}: the router at {server} answered nothing usable: {rejection}");
    }
}
