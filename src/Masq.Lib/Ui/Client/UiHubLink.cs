using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Masq.Lib.Ui.Client;

/// <summary>One SignalR connection to a Daemon's or Node's UI hub on 127.0.0.1.</summary>
internal sealed class UiHubLink : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private int _closed;

    private UiHubLink(int port, HubConnection connection, byte[]? secret)
    {
        Port = port;
        _connection = connection;
        Secret = secret;
    }

    public int Port { get; }

    /// <summary>The UI cookie this link presented (null when none could be read).</summary>
    public byte[]? Secret { get; }

    public bool IsOpen => Volatile.Read(ref _closed) == 0 && _connection.State == HubConnectionState.Connected;

    public static async Task<UiHubLink> ConnectAsync(
        int port,
        TimeSpan timeout,
        Action<UiHubLink, string> onMessage,
        Action<UiHubLink, Exception?> onClosed,
        CancellationToken cancellationToken,
        byte[]? secret = null)
    {
        var cookieProblem = string.Empty;
        if (secret is null && UiCookie.TryReadFor(port, out var read, out cookieProblem))
        {
            secret = read;
        }
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri($"http://127.0.0.1:{port}{UiProtocol.HubPath}"), HttpTransportType.WebSockets, options =>
            {
                // WebSockets only, so the negotiate round trip can be skipped.
                options.SkipNegotiation = true;
                if (secret is not null)
                {
                    options.Headers["Authorization"] = UiCookie.AuthorizationValue(secret);
                }
            })
            .Build();
        var link = new UiHubLink(port, connection, secret);
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
            if (IsUnauthorized(e))
            {
                var why = secret is null ? cookieProblem : "the UI cookie presented is not this hub's (a stale cookie file?)";
                throw new UiConnectException(
                    $"The Daemon or Node on 127.0.0.1:{port} refused this user: {why}. Only the user who started it (and root) may use it; run masq as that user or with sudo.",
                    e,
                    refused: true);
            }
            var reason = e is OperationCanceledException ? $"no answer within {timeout.TotalMilliseconds:0} ms" : e.Message;
            throw new UiConnectException($"Could not connect to 127.0.0.1:{port}: {reason}", e);
        }
        return link;
    }

    private static bool IsUnauthorized(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is System.Net.WebSockets.WebSocketException && current.Message.Contains("401", StringComparison.Ordinal))
            {
                return true;
            }
            if (current is HttpRequestException { StatusCode: System.Net.HttpStatusCode.Unauthorized })
            {
                return true;
            }
        }
        return false;
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
