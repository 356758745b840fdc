using Masq.Lib.Ui;
using Microsoft.AspNetCore.SignalR;

namespace Masq.Daemon.Ui;

internal sealed class UiHubOutbound(IHubContext<UiHub> hub, UiClientRegistry registry) : IUiOutbound
{
    public Task SendAsync(ulong clientId, UiEnvelope message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return registry.TryGetConnectionId(clientId, out var connectionId)
            ? hub.Clients.Client(connectionId).SendAsync(UiProtocol.ClientMethod, message.ToJson())
            : Task.CompletedTask;
    }

    public Task BroadcastAsync(UiEnvelope message, ulong? exceptClientId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = message.ToJson();
        if (exceptClientId is { } except && registry.TryGetConnectionId(except, out var connectionId))
        {
            return hub.Clients.AllExcept(connectionId).SendAsync(UiProtocol.ClientMethod, json);
        }
        return hub.Clients.All.SendAsync(UiProtocol.ClientMethod, json);
    }

    public void DisconnectAll() => registry.AbortAll();
}
