using Masq.Node.DataPath;
using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Masq.Node.Networking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Node.EntryDns;

/// <summary>
/// Answers DNS on the sockets the host bound (127.0.0.1:53) with <see cref="EntryDnsAnswer"/>: one loop over UDP that
/// reuses its buffers (nothing allocated per query), and TCP for clients that ask that way, a bounded number of
/// connections that each close when idle. Bad queries cost a header read and one log line per interval.
/// </summary>
internal sealed partial class EntryDnsServer : BackgroundService
{
    /// <summary>The longest query taken over TCP; a DNS query with a 255-byte name and EDNS options is far shorter.</summary>
    public const int MaxTcpQueryLength = 4096;

    private const int MaxTcpConnections = 64;
    private static readonly TimeSpan TcpIdleTimeout = TimeSpan.FromSeconds(10);

    private readonly EntryDnsSockets _sockets;
    private readonly TimeProvider _time;
    private readonly ILogger<EntryDnsServer> _logger;
    private readonly EntryDnsQuietLog _malformedLog;
    private readonly EntryDnsQuietLog _refusedLog;
    private int _tcpConnections;

    public EntryDnsServer(EntryDnsSockets sockets, DataPathOptions options, TimeProvider time, ILogger<EntryDnsServer> logger)
    {
        _sockets = sockets;
        _time = time;
        _logger = logger;
        _malformedLog = new EntryDnsQuietLog(time, options.MisbehaviourLogInterval);
        _refusedLog = new EntryDnsQuietLog(time, options.MisbehaviourLogInterval);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            _sockets.Udp is { } udp ? ServeUdpAsync(udp, stoppingToken) : Task.CompletedTask,
            _sockets.Tcp is { } tcp ? AcceptTcpAsync(tcp, stoppingToken) : Task.CompletedTask);

    private async Task ServeUdpAsync(Socket udp, CancellationToken stoppingToken)
    {
        // As large as a datagram can be, so no query is cut short by the buffer rather than by its sender.
        byte[] query = new byte[ushort.MaxValue];
        byte[] answer = new byte[EntryDnsAnswer.MaxAnswerLength];
        var client = new SocketAddress(udp.AddressFamily);
        while (!stoppingToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await udp.ReceiveFromAsync(query, SocketFlags.None, client, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // An ICMP error from an earlier answer's client surfaces here on some systems; the socket is fine.
                if (_refusedLog.ShouldLog(out _, out _))
                {
                    LogReceiveFailed(_logger, e.SocketErrorCode.ToString());
                }

                continue;
            }

            int length = EntryDnsAnswer.Write(query.AsSpan(0, received), answer, out var problem);
            if (problem != EntryDnsProblem.None)
            {
                ReportMalformed(problem, client, "UDP");
            }

            if (length == 0)
            {
                continue;
            }

            try
            {
                await udp.SendToAsync(answer.AsMemory(0, length), SocketFlags.None, client, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // The client is gone (or its buffer is full); it will ask again.
            }
        }
    }

    private async Task AcceptTcpAsync(Socket listener, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (Interlocked.Increment(ref _tcpConnections) > MaxTcpConnections)
            {
                Interlocked.Decrement(ref _tcpConnections);
                connection.Dispose();
                if (_refusedLog.ShouldLog(out long suppressed, out _))
                {
                    LogTcpConnectionsFull(_logger, MaxTcpConnections, suppressed);
                }

                continue;
            }

            _ = ServeTcpAsync(connection, stoppingToken);
        }
    }

    /// <summary>Queries one after another on one connection (RFC 7766 framing: a two-byte length before each).</summary>
    private async Task ServeTcpAsync(Socket connection, CancellationToken stoppingToken)
    {
        byte[] query = ArrayPool<byte>.Shared.Rent(MaxTcpQueryLength);
        byte[] answer = ArrayPool<byte>.Shared.Rent(2 + EntryDnsAnswer.MaxAnswerLength);
        try
        {
            using (connection)
            {
                while (true)
                {
                    using var timeout = new CancellationTokenSource(TcpIdleTimeout, _time);
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
                    if (!await ReadExactlyAsync(connection, query.AsMemory(0, 2), idle.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    int length = BinaryPrimitives.ReadUInt16BigEndian(query);
                    if (length > MaxTcpQueryLength || !await ReadExactlyAsync(connection, query.AsMemory(0, length), idle.Token).ConfigureAwait(false))
                    {
                        if (length > MaxTcpQueryLength)
                        {
                            ReportMalformed(EntryDnsProblem.BadCounts, connection.RemoteEndPoint, "TCP");
                        }

                        return;
                    }

                    int answerLength = EntryDnsAnswer.Write(query.AsSpan(0, length), answer.AsSpan(2), out var problem);
                    if (problem != EntryDnsProblem.None)
                    {
                        ReportMalformed(problem, connection.RemoteEndPoint, "TCP");
                    }

                    if (answerLength == 0)
                    {
                        return;
                    }

                    BinaryPrimitives.WriteUInt16BigEndian(answer, (ushort)answerLength);
                    await connection.SendAsync(answer.AsMemory(0, 2 + answerLength), SocketFlags.None, idle.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Idle past the timeout, reset by the client, or the Node is stopping: the connection just ends.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(query);
            ArrayPool<byte>.Shared.Return(answer);
            Interlocked.Decrement(ref _tcpConnections);
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket connection, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await connection.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    private void ReportMalformed(EntryDnsProblem problem, SocketAddress client, string protocol)
    {
        if (_malformedLog.ShouldLog(out long suppressed, out var period))
        {
            ReportMalformed(problem, new IPEndPoint(IPAddress.Any, 0).Create(client), protocol, suppressed, period);
        }
    }

    private void ReportMalformed(EntryDnsProblem problem, EndPoint? client, string protocol)
    {
        if (_malformedLog.ShouldLog(out long suppressed, out var period))
        {
            ReportMalformed(problem, client, protocol, suppressed, period);
        }
    }

    private void ReportMalformed(EntryDnsProblem problem, EndPoint? client, string protocol, long suppressed, TimeSpan period) =>
        LogMalformed(_logger, protocol, problem, client?.ToString() ?? "?", suppressed, suppressed == 0 ? 0 : (long)period.TotalSeconds);

    [LoggerMessage(EventId = EntryDnsEventIds.Malformed, Level = LogLevel.Warning, Message = "Entry DNS: a malformed {Protocol} query ({Problem}) from {Client}; {Suppressed} more in the last {Seconds} s were not logged")]
    private static partial void LogMalformed(ILogger logger, string protocol, EntryDnsProblem problem, string client, long suppressed, long seconds);

    [LoggerMessage(EventId = EntryDnsEventIds.ReceiveFailed, Level = LogLevel.Debug, Message = "Entry DNS: receiving failed ({Reason}); still serving")]
    private static partial void LogReceiveFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = EntryDnsEventIds.TcpConnectionsFull, Level = LogLevel.Warning, Message = "Entry DNS: {Max} TCP connections are open, so new ones are closed at once ({Suppressed} more since the last such line)")]
    private static partial void LogTcpConnectionsFull(ILogger logger, int max, long suppressed);
}
