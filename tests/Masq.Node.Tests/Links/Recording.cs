using System.Net;
using System.Net.Sockets;

namespace Masq.Node.Tests.Links;

/// <summary>A TCP relay that forwards both ways and keeps every byte it forwards.</summary>
internal sealed class Recording : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly MemoryStream _upstream = new();
    private readonly MemoryStream _downstream = new();
    private readonly List<TcpClient> _sockets = [];

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public static Task<Recording> StartAsync(IPEndPoint target)
    {
        var recording = new Recording();
        recording._listener.Start();
        _ = recording.RelayAsync(target);
        return Task.FromResult(recording);
    }

    public byte[] Upstream()
    {
        lock (_upstream)
        {
            return _upstream.ToArray();
        }
    }

    public byte[] Downstream()
    {
        lock (_downstream)
        {
            return _downstream.ToArray();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Dispose();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    private async Task RelayAsync(IPEndPoint target)
    {
        var inbound = await _listener.AcceptTcpClientAsync();
        var outbound = new TcpClient();
        await outbound.ConnectAsync(target);
        _sockets.Add(inbound);
        _sockets.Add(outbound);
        _ = PumpAsync(inbound.GetStream(), outbound.GetStream(), _upstream);
        _ = PumpAsync(outbound.GetStream(), inbound.GetStream(), _downstream);
    }

    private static async Task PumpAsync(Stream from, Stream to, MemoryStream record)
    {
        var buffer = new byte[65536];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                lock (record)
                {
                    record.Write(buffer, 0, read);
                }

                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }
}
