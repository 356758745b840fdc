using System.Collections.Concurrent;
using Masq.Lib.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masq.Dashboard.Tests.Integration;

/// <summary>
/// A real Kestrel + SignalR UI endpoint on 127.0.0.1 that speaks the UI protocol (hub path, one method each way,
/// envelope JSON). What it answers is up to <see cref="Handler"/>.
/// </summary>
public sealed class FakeUiEndpoint : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private WebApplication? _app;

    private FakeUiEndpoint()
    {
    }

    public int Port { get; private set; }

    /// <summary>Called for every envelope a client sends, with the connection it came on.</summary>
    public Func<UiEnvelope, string, Task> Handler { get; set; } = (_, _) => Task.CompletedTask;

    public int ConnectionCount => _connections.Count;

    public static async Task<FakeUiEndpoint> StartAsync(int port = 0)
    {
        var endpoint = new FakeUiEndpoint();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(endpoint);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FakeUiHub>(UiProtocol.HubPath);
        await app.StartAsync();
        endpoint._app = app;
        endpoint.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return endpoint;
    }

    public Task ReplyAsync(string connectionId, UiEnvelope envelope) =>
        Hub.Clients.Client(connectionId).SendAsync(UiProtocol.ClientMethod, envelope.ToJson());

    public Task BroadcastAsync(UiEnvelope envelope) =>
        Hub.Clients.All.SendAsync(UiProtocol.ClientMethod, envelope.ToJson());

    public Task BroadcastAsync<T>(T message)
        where T : IUiMessage => BroadcastAsync(UiEnvelope.From(message));

    /// <summary>Closes one client's connection from the server side (as a Node does when it shuts down).</summary>
    public void Abort(string connectionId)
    {
        if (_connections.TryGetValue(connectionId, out var context))
        {
            context.Abort();
        }
    }

    /// <summary>Stops listening and drops every connection (a Daemon or Node that dies).</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            foreach (var context in _connections.Values)
            {
                context.Abort();
            }
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await app.StopAsync(stop.Token);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    internal void Connected(HubCallerContext context) => _connections[context.ConnectionId] = context;

    internal void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    internal async Task ReceiveAsync(string connectionId, string json)
    {
        var parse = UiEnvelope.Parse(json);
        if (parse.Envelope is { } envelope)
        {
            await Handler(envelope, connectionId);
        }
    }

    private IHubContext<FakeUiHub> Hub => (_app ?? throw new InvalidOperationException("The endpoint is stopped.")).Services.GetRequiredService<IHubContext<FakeUiHub>>();
}
