using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Masq.Lib.Ui;

namespace Masq.Daemon.Ui;

/// <summary>Wires the UI hub into a web host (the Daemon's and the Node's).</summary>
public static class UiHubHosting
{
    /// <summary>Registers the hub; the caller registers its own <see cref="IUiMessageHandler"/>.</summary>
    /// <param name="secret">The UI cookie every connection must present.</param>
    public static IServiceCollection AddMasqUiHub(this IServiceCollection services, byte[] secret)
    {
        services.AddSingleton(new UiHubCredential(secret));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = 1024 * 1024;
            options.EnableDetailedErrors = false;
        });
        services.AddSingleton<UiClientRegistry>();
        services.AddSingleton<IUiOutbound, UiHubOutbound>();
        return services;
    }

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> only.</summary>
    public static IWebHostBuilder ListenOnLoopback(this IWebHostBuilder builder, int port) =>
        builder.UseKestrel(options => options.Listen(IPAddress.Loopback, port));

    /// <summary>Maps the hub behind the loopback guard.</summary>
    public static WebApplication MapMasqUiHub(this WebApplication app)
    {
        app.UseMiddleware<LoopbackOnlyMiddleware>();
        app.UseWebSockets();
        app.MapHub<UiHub>(UiProtocol.HubPath, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            // A client that has gone need not be waited for: shutting down must not hang on a close handshake.
            options.WebSockets.CloseTimeout = TimeSpan.FromMilliseconds(500);
        });
        return app;
    }
}
