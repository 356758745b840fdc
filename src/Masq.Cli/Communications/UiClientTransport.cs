using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;

namespace Masq.Cli.Communications;

/// <summary><see cref="IUiTransport"/> over the shared redirect-following <see cref="UiClient"/>.</summary>
internal sealed class UiClientTransport : IUiTransport
{
    private readonly UiClient _client;

    public UiClientTransport(UiClient client)
    {
        _client = client;
        _client.MessageReceived += envelope => BroadcastReceived?.Invoke(envelope);
        _client.DaemonLost += () => DaemonLost?.Invoke();
    }

    public event Action<UiEnvelope>? BroadcastReceived;

    public event Action? DaemonLost;

    public bool IsDaemonConnected => _client.IsDaemonConnected;

    public int? NodePort => _client.NodePort;

    public Task<TResponse> TransactAsync<TRequest, TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : IUiMessage
        where TResponse : IUiMessage =>
        _client.TransactAsync<TRequest, TResponse>(request, timeout, cancellationToken);

    public Task SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : IUiMessage =>
        _client.SendAsync(message, cancellationToken);

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
