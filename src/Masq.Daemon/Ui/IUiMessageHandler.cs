using Masq.Lib.Ui;

namespace Masq.Daemon.Ui;

/// <summary>What a UI hub hands its well-formed messages to: the Daemon, or the Node's UiGateway.</summary>
public interface IUiMessageHandler
{
    /// <summary>Called for every well-formed envelope. Must not block for long: queue work to an actor.</summary>
    ValueTask HandleAsync(ulong clientId, UiEnvelope message, CancellationToken cancellationToken);

    void ClientConnected(ulong clientId);

    void ClientDisconnected(ulong clientId);
}
