using Masq.Lib.Ui;
using Microsoft.AspNetCore.SignalR;

namespace Masq.Dashboard.Tests.Integration;

/// <summary>The test's UI hub: one method each way carrying envelope JSON, as the Daemon's and Node's hubs do.</summary>
public sealed class FakeUiHub(FakeUiEndpoint endpoint) : Hub
{
    public override Task OnConnectedAsync()
    {
        endpoint.Connected(Context);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        endpoint.Disconnected(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>Client → server; its name is <see cref="UiProtocol.ServerMethod"/>.</summary>
    public Task Send(string json) => endpoint.ReceiveAsync(Context.ConnectionId, json);
}
