using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Masq.Lib.Ui.Client;

/// <summary>One SignalR connection to a Daemon's or Node's UI hub on 127.0.0.1.</summary>
internal sealed class UiHubLink : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private int _closed;

    private UiHubLink(int port, HubConnection connection)
    {
        Port = port;
        _connection = connection;
    }

    public int Port { get; }

    public bool IsOpen => Volatile.Read(ref _closed) == 0 && _connection.State == HubConnectionState.Connected;

    public static async Task<UiHubLink> ConnectAsync(
        int port,
        TimeSpan timeout,
        Action<UiHubLink, string> onMessage,
        Action<UiHubLink, Exception?> onClosed,
        CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri($"http://127.0.0.1:{port}{UiProtocol.HubPath}"), HttpTransportType.WebSockets, options =>
            {
                // WebSockets only, so the negotiate round trip can be skipped.
                options.SkipNegotiation = true;
            })
            .Build();
        var link = new UiHubLink(port, connection);
        connection.On<string>(UiProtocol.ClientMethod, text => onMessage(link, text));
        connection.Closed += error =>
        {
            if (Interlocked.Exchange(ref link._closed, 1) == 0)
            {
                onClosed(link, error);
            }
            return Task.CompletedTask;
        };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await connection.StartAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref link._closed, 1);
            await connection.DisposeAsync().ConfigureAwait(false);
            var reason = e is OperationCanceledException ? $"no answer within {timeout.TotalMilliseconds:0} ms" : e.Message;
            throw new UiConnectException($"Could not connect to 127.0.0.1:{port}: {reason}", e);
        }
        return link;
    }

    public Task SendAsync(UiEnvelope envelope, CancellationToken cancellationToken) =>
        _connection.SendAsync(UiProtocol.ServerMethod, envelope.ToJson(), cancellationToken);

    public Task SendRawAsync(string text, CancellationToken cancellationToken) =>
        _connection.SendAsync(UiProtocol.ServerMethod, text, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _closed, 1);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
