using Masq.Lib.Ui;

namespace Masq.Cli.Communications;

/// <summary>
/// The seam between command logic and the UI connection (the Daemon, and the Node after a redirect).
/// Production code uses <see cref="UiClientTransport"/>; tests use a hand-written fake.
/// </summary>
internal interface IUiTransport : IAsyncDisposable
{
    /// <summary>Broadcasts and fire-and-forget messages from the Daemon or the Node.</summary>
    event Action<UiEnvelope>? BroadcastReceived;

    /// <summary>The Daemon's connection closed.</summary>
    event Action? DaemonLost;

    bool IsDaemonConnected { get; }

    /// <summary>The Node's UI port while a connection to the Node is open.</summary>
    int? NodePort { get; }

    /// <summary>Sends a request and waits for its response.</summary>
    /// <exception cref="Masq.Lib.Ui.Client.UiCallException">An error answer, or TIMEOUT.</exception>
    /// <exception cref="Masq.Lib.Ui.Client.UiConnectionLostException">The connection carrying the conversation closed.</exception>
    Task<TResponse> TransactAsync<TRequest, TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : IUiMessage
        where TResponse : IUiMessage;

    /// <summary>Sends a fire-and-forget message.</summary>
    Task SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : IUiMessage;
}
