using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>
/// A real TCP server that fails the way servers do: it accepts and never answers (<see cref="StartStalling"/>), or
/// resets the connection, before answering or after part of an answer that the test lets through
/// (<see cref="StartResetting"/>). One connection at a time is enough for these tests.
/// </summary>
internal sealed class FailingServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private readonly Task _loop;
    private readonly TaskCompletionSource _resetNow = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FailingServer(IPEndPoint endpoint, Func<Socket, FailingServer, Task> serve)
    {
        _listener = new TcpListener(endpoint);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptAsync(serve);
    }

    public int Port { get; }

    /// <summary>Requests that reached the server (the request head as text).</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Accepts, reads the request, never answers.</summary>
    public static FailingServer StartStalling(IPAddress address) =>
        new(new IPEndPoint(address, 0), async (socket, self) =>
        {
            await self.ReadRequestAsync(socket);
            lock (self._held)
            {
                self._held.Add(socket);
            }
        });

    /// <summary>
    /// Reads the request, sends <paramref name="partialAnswer"/> (nothing when null), and, once the test calls
    /// <see cref="ResetNow"/> (at once when nothing is sent), resets the connection.
    /// </summary>
    public static FailingServer StartResetting(IPAddress address, string? partialAnswer) =>
        new(new IPEndPoint(address, 0), async (socket, self) =>
        {
            await self.ReadRequestAsync(socket);
            if (partialAnswer is not null)
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(partialAnswer));
                await self._resetNow.Task.WaitAsync(self._stop.Token);
            }

            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });

    /// <summary>Lets a resetting server reset the connection it holds.</summary>
    public void ResetNow() => _resetNow.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<Socket, FailingServer, Task> serve)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await serve(socket, this);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
                {
                    socket.Dispose();
                }
            });
        }
    }

    private async Task ReadRequestAsync(Socket socket)
    {
        var head = new StringBuilder();
        byte[] buffer = new byte[4096];
        // Bounded: a request head is short, and the client sends it at once.
        for (int i = 0; i < 64 && !head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal); i++)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            if (buffer[0] == 0x16)
            {
                break;
            }
        }

        lock (Requests)
        {
            Requests.Add(head.ToString());
        }
    }
}
