using System.Threading.Channels;
using Masq.Lib.Ui;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>A bare hub connection that sends text and sees every envelope, redirects included (protocol-level tests).</summary>
internal sealed class RawHubConnection : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();

    private RawHubConnection(HubConnection connection)
    {
        _connection = connection;
        _connection.On<string>(UiProtocol.ClientMethod, text => _received.Writer.TryWrite(text));
    }

    /// <param name="presentCookie">Present the port's UI cookie, as every real client does.</param>
    public static async Task<RawHubConnection> ConnectAsync(int port, bool presentCookie = true)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri($"http://127.0.0.1:{port}{UiProtocol.HubPath}"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                if (presentCookie && UiCookie.TryReadFor(port, out var secret, out _))
                {
                    o.Headers["Authorization"] = UiCookie.AuthorizationValue(secret);
                }
            })
            .Build();
        var raw = new RawHubConnection(connection);
        await connection.StartAsync();
        return raw;
    }

    public Task SendAsync(string text) => _connection.SendAsync(UiProtocol.ServerMethod, text);

    public Task SendAsync(UiEnvelope envelope) => SendAsync(envelope.ToJson());

    public async Task<UiEnvelope> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var text = await _received.Reader.ReadAsync(cts.Token);
        return UiEnvelope.Parse(text).Envelope ?? throw new InvalidOperationException($"Unparsable message: {text}");
    }

    /// <summary>Waits for the first envelope with <paramref name="opcode"/>, skipping others.</summary>
    public async Task<UiEnvelope> ReceiveAsync(string opcode, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var text = await _received.Reader.ReadAsync(cts.Token);
            if (UiEnvelope.Parse(text).Envelope is { } envelope && envelope.Opcode == opcode)
            {
                return envelope;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
