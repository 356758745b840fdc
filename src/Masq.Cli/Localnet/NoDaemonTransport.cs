using Masq.Cli.Communications;
using Masq.Lib.Ui;

namespace Masq.Cli.Localnet;

/// <summary>The transport of a command run without a Daemon connection: any use of it is a programming error.</summary>
internal sealed class NoDaemonTransport : IUiTransport
{
    public static NoDaemonTransport Instance { get; } = new();

    public event Action<UiEnvelope>? BroadcastReceived
    {
        add { }
        remove { }
    }

    public event Action? DaemonLost
    {
        add { }
        remove { }
    }

    public bool IsDaemonConnected => false;

    public int? NodePort => null;

    public Task<TResponse> TransactAsync<TRequest, TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : IUiMessage
        where TResponse : IUiMessage =>
        throw new InvalidOperationException("This command runs without a Daemon connection");

    public Task SendAsync<TMessage>(TMessage message, CancellationToken cancellationToken)
        where TMessage : IUiMessage =>
        throw new InvalidOperationException("This command runs without a Daemon connection");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
