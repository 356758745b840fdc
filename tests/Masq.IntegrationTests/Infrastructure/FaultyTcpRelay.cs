using System.Net;
using System.Net.Sockets;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP relay for link-failure tests (as NATS.Net's fault-injecting proxy): it listens on a loopback endpoint,
/// forwards every connection to <see cref="Upstream"/>, and can be told at any time to delay, stall or fragment what it
/// forwards, or to cut (FIN) or reset (RST) every connection it carries. Put it between two real Nodes by telling the
/// sender that the receiver lives at <see cref="Endpoint"/>.
/// </summary>
internal sealed class FaultyTcpRelay : IAsyncDisposable
{
    private const int BufferLength = 64 * 1024;

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Socket Downstream, Socket Upstream)> _pairs = [];
    private readonly List<Task> _tasks = [];
    private readonly Task _accepting;
    private long _forwarded;
    private int _connections;
    private volatile TcpFault _fault;
    private volatile bool _refuse;

    private FaultyTcpRelay(IPEndPoint listen, IPEndPoint upstream)
    {
        Upstream = upstream;
        _listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(listen);
        _listener.Listen(64);
        Endpoint = (IPEndPoint)_listener.LocalEndPoint!;
        _accepting = AcceptLoopAsync();
    }

    /// <summary>What the relay does to the bytes it forwards (both directions).</summary>
    public enum TcpFault
    {
        /// <summary>Forwards at once.</summary>
        None,

        /// <summary>Waits <see cref="Delay"/> before forwarding each read.</summary>
        Delay,

        /// <summary>Stops reading and forwarding; the connections stay open (a hung Node, or a black-holed link).</summary>
        Stall,

        /// <summary>Forwards each read in writes of <see cref="PartialWriteLength"/> bytes, yielding between them.</summary>
        PartialWrites,
    }

    public IPEndPoint Endpoint { get; }

    public IPEndPoint Upstream { get; }

    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(50);

    public int PartialWriteLength { get; set; } = 7;

    public TcpFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    /// <summary>Bytes forwarded so far, both directions.</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Listens on <paramref name="listen"/> (port 0: any free port) and forwards to <paramref name="upstream"/>.</summary>
    public static FaultyTcpRelay Start(IPEndPoint listen, IPEndPoint upstream) => new(listen, upstream);

    /// <summary>Closes every connection it carries with a FIN both ways (a process that exits); new ones are refused while <paramref name="refuseNew"/>.</summary>
    public void Cut(bool refuseNew = false) => CloseAll(reset: false, refuseNew);

    /// <summary>Resets every connection it carries (RST both ways); new ones are refused while <paramref name="refuseNew"/>.</summary>
    public void Reset(bool refuseNew = false) => CloseAll(reset: true, refuseNew);

    /// <summary>Accepts and forwards new connections again after a cut or reset that refused them.</summary>
    public void Heal()
    {
        _refuse = false;
        _fault = TcpFault.None;
    }

    /// <summary>Waits until at least <paramref name="bytes"/> were forwarded; false when <paramref name="timeout"/> ran out first.</summary>
    public async Task<bool> WaitForForwardedAsync(long bytes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Forwarded < bytes)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        CloseAll(reset: true, refuseNew: true);
        Task[] tasks;
        lock (_pairs)
        {
            tasks = [.. _tasks, _accepting];
        }

        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private void CloseAll(bool reset, bool refuseNew)
    {
        _refuse = refuseNew;
        List<(Socket, Socket)> pairs;
        lock (_pairs)
        {
            pairs = [.. _pairs];
            _pairs.Clear();
        }

        foreach (var (downstream, upstream) in pairs)
        {
            Close(downstream, reset);
            Close(upstream, reset);
        }
    }

    private static void Close(Socket socket, bool reset)
    {
        try
        {
            if (reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            else
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        socket.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket downstream;
            try
            {
                downstream = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            if (_refuse)
            {
                Close(downstream, reset: true);
                continue;
            }

            var upstream = new Socket(Upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await upstream.ConnectAsync(Upstream, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                upstream.Dispose();
                Close(downstream, reset: true);
                continue;
            }

            lock (_pairs)
            {
                _pairs.Add((downstream, upstream));
                _tasks.RemoveAll(t => t.IsCompleted);
                _tasks.Add(PumpAsync(downstream, upstream));
                _tasks.Add(PumpAsync(upstream, downstream));
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        byte[] buffer = new byte[BufferLength];
        try
        {
            while (true)
            {
                await WhileStalledAsync();
                int length = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (length == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                // A stall that began while this read waited holds its bytes too.
                await WhileStalledAsync();
                switch (_fault)
                {
                    case TcpFault.Delay:
                        await Task.Delay(Delay, _stop.Token);
                        await SendAllAsync(to, buffer.AsMemory(0, length));
                        break;
                    case TcpFault.PartialWrites:
                        for (int offset = 0; offset < length; offset += PartialWriteLength)
                        {
                            await SendAllAsync(to, buffer.AsMemory(offset, Math.Min(PartialWriteLength, length - offset)));
                            await Task.Yield();
                        }

                        break;
                    default:
                        await SendAllAsync(to, buffer.AsMemory(0, length));
                        break;
                }

                Interlocked.Add(ref _forwarded, length);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task WhileStalledAsync()
    {
        while (_fault == TcpFault.Stall)
        {
            await Task.Delay(20, _stop.Token);
        }
    }

    private async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            int sent = await to.SendAsync(data, SocketFlags.None, _stop.Token);
            data = data[sent..];
        }
    }
}
