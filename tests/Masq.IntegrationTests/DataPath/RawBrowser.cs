using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Masq.IntegrationTests.DataPath;

/// <summary>A hand-driven browser connection: sends exact bytes and reads what comes back until the Node closes.</summary>
internal sealed class RawBrowser : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream? _stream;

    public static async Task<RawBrowser> ConnectAsync(int port)
    {
        var browser = new RawBrowser();
        await browser._client.ConnectAsync(IPAddress.Loopback, port);
        browser._stream = browser._client.GetStream();
        return browser;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(byte[] bytes) => await _stream!.WriteAsync(bytes);

    /// <summary>Reads exactly <paramref name="count"/> bytes (fails on an early close).</summary>
    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        byte[] buffer = new byte[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _stream!.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }

    /// <summary>Everything until the Node closes the connection.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var all = new MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await _stream!.ReadAsync(buffer, timeout.Token)) > 0)
            {
                all.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the last bytes still counts as the end.
        }

        return all.ToArray();
    }

    /// <summary>Everything until the Node closes the connection, and whether it closed with a reset (RST) rather than a FIN.</summary>
    public async Task<(byte[] Bytes, bool Reset)> ReadToCloseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var all = new MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await _stream!.ReadAsync(buffer, timeout.Token)) > 0)
            {
                all.Write(buffer, 0, read);
            }
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return (all.ToArray(), true);
        }

        return (all.ToArray(), false);
    }

    /// <summary>Reads until <paramref name="text"/> has arrived (fails on an early close or after 20 s).</summary>
    public async Task<string> ReadUntilAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!seen.ToString().Contains(text, StringComparison.Ordinal))
        {
            int read = await _stream!.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new IOException($"Closed before '{text}' arrived; got: {seen}");
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return seen.ToString();
    }

    public static async Task<string> ExchangeAsync(int port, string request)
    {
        await using var browser = await ConnectAsync(port);
        await browser.SendAsync(request);
        return Encoding.UTF8.GetString(await browser.ReadToEndAsync());
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
