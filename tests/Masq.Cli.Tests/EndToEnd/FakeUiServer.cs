using System.Collections.Concurrent;
using Masq.Lib.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masq.Cli.Tests.EndToEnd;

/// <summary>
/// A real Kestrel SignalR server on 127.0.0.1:&lt;free port&gt; speaking the UI protocol, standing in for the Daemon
/// (or a Node): each request goes to <see cref="Responder"/>, whose answer (if any) is sent back to the caller.
/// </summary>
internal sealed class FakeUiServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _connections;
    private int _stopped;

    private FakeUiServer(Func<UiEnvelope, HubCallerContext, UiEnvelope?> responder)
    {
        Responder = responder;
    }

    public Func<UiEnvelope, HubCallerContext, UiEnvelope?> Responder { get; set; }

    public ConcurrentQueue<UiEnvelope> Received { get; } = new();

    public int Port { get; private set; }

    public int Connections => Volatile.Read(ref _connections);

    public static async Task<FakeUiServer> StartAsync(Func<UiEnvelope, HubCallerContext, UiEnvelope?> responder)
    {
        var server = new FakeUiServer(responder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(server);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FakeUiHub>(UiProtocol.HubPath, options => options.Transports = HttpTransportType.WebSockets);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Port = new Uri(address).Port;
        server._app = app;
        return server;
    }

    public async Task BroadcastAsync(UiEnvelope envelope) =>
        await _app!.Services.GetRequiredService<IHubContext<FakeUiHub>>().Clients.All.SendAsync(UiProtocol.ClientMethod, envelope.ToJson());

    /// <summary>Stops the server, closing every connection: the Daemon dies.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0 && _app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    internal void OnConnected() => Interlocked.Increment(ref _connections);

    internal UiEnvelope? Handle(string message, HubCallerContext context)
    {
        var parse = UiEnvelope.Parse(message);
        if (parse.Envelope is not { } envelope)
        {
            return UiEnvelope.From(new Masq.Lib.Ui.Messages.UiUnmarshalError(parse.Problem!, message));
        }
        Received.Enqueue(envelope);
        return Responder(envelope, context);
    }
}
