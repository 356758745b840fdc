using System.Net;
using System.Net.Sockets;

namespace Masq.Lib.Tests.PortMapping;

/// <summary>
/// A router's PCP/NAT-PMP port on loopback that answers each request as the test scripts it: any datagrams, each after
/// its own delay, or nothing.
/// </summary>
internal sealed class FakeUdpRouter : IAsyncDisposable
{
    private readonly UdpClient _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public FakeUdpRouter(Func<byte[], IEnumerable<(TimeSpan Delay, byte[] Datagram)>> answer, IPAddress? address = null)
    {
        _socket = new UdpClient(new IPEndPoint(address ?? IPAddress.Loopback, 0));
        Endpoint = (IPEndPoint)_socket.Client.LocalEndPoint!;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult received;
                try
                {
                    received = await _socket.ReceiveAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
                Interlocked.Increment(ref _requests);
                var from = received.RemoteEndPoint;
                foreach (var (delay, datagram) in answer(received.Buffer))
                {
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await Task.Delay(delay, _stop.Token);
                            await _socket.SendAsync(datagram, from, _stop.Token);
                        }
                        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                        {
                        }
                    });
                }
            }
        });
    }

    public IPEndPoint Endpoint { get; }

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
