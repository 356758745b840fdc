using Masq.Lib.Ui;
using Microsoft.AspNetCore.SignalR;

namespace Masq.Cli.Tests.EndToEnd;

/// <summary>The test server's hub: one envelope per call in each direction, as the Daemon's and Node's hubs.</summary>
internal sealed class FakeUiHub(FakeUiServer server) : Hub
{
    public override Task OnConnectedAsync()
    {
        server.OnConnected();
        return Task.CompletedTask;
    }

    public async Task Send(string message)
    {
        if (server.Handle(message, Context) is { } reply)
        {
            await Clients.Caller.SendAsync(UiProtocol.ClientMethod, reply.ToJson());
        }
    }
}
