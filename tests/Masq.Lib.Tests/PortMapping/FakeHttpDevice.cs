using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Masq.Lib.Tests.PortMapping;

/// <summary>
/// A UPnP device's HTTP server on loopback, raw TCP so that a test controls every byte: the handler gets the request
/// line, the SOAPAction header and the body, and returns the whole response head and body.
/// </summary>
internal sealed class FakeHttpDevice : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _actions = [];

    public FakeHttpDevice(IPAddress address, Func<string, string?, string, byte[]> respond)
    {
        _listener = new TcpListener(address, 0);
        _listener.Start();
        Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
                _ = Task.Run(() => ServeAsync(client, respond));
            }
        });
    }

    public IPEndPoint Endpoint { get; }

    public IReadOnlyList<string> Actions
    {
        get
        {
            lock (_actions)
            {
                return [.. _actions];
            }
        }
    }

    public static byte[] Response(string status, string body, string contentType = "text/xml") =>
        Encoding.UTF8.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Dispose();
        await _loop;
        _stop.Dispose();
    }

    private async Task ServeAsync(TcpClient client, Func<string, string?, string, byte[]> respond)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 16_384)
            {
                if (await stream.ReadAsync(one, _stop.Token) == 0)
                {
                    return;
                }
                head.Append((char)one[0]);
            }
            var lines = head.ToString().Split("\r\n");
            string? action = null;
            var length = 0;
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (name.Equals("SOAPAction", StringComparison.OrdinalIgnoreCase))
                {
                    action = value.Trim('"');
                }
                else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, _stop.Token);
            if (action is not null)
            {
                lock (_actions)
                {
                    _actions.Add(action[(action.IndexOf('#', StringComparison.Ordinal) + 1)..]);
                }
            }
            await stream.WriteAsync(respond(lines[0], action, Encoding.UTF8.GetString(body)), _stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client gave up (a size cap, a timeout): that is what some tests want.
        }
    }
}
