using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Hopper;
using Masq.Node.Networking;
using Masq.Node.Proxy.Client;
using Masq.Node.Proxy.Server;
using Masq.Node.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

using Masq.Node.Ui;

namespace Masq.Node.Hosting;

/// <summary>
/// Wires the data path (issue 3): StreamHandlerPool (listeners, clandestine links, browser connections), Hopper,
/// ProxyServer, ProxyClient and their seams. Seams already registered win, so the Neighborhood can bring its
/// <see cref="IRouteSource"/>, <see cref="INodeLocator"/> and <see cref="IGossipSink"/>, the money subsystem its
/// <see cref="IAccountant"/> and <see cref="IBannedWallets"/>, and tests a <see cref="FixedRouteSource"/>.
/// Expects NodeSettings, NodeIdentity, NodeRuntimeState, NodeFailure and TimeProvider to be registered.
/// </summary>
internal static class DataPathComposition
{
    public static IServiceCollection AddMasqDataPath(this IServiceCollection services, PrivilegedBrowserSockets? privileged = null, DataPathOptions? options = null)
    {
        services.TryAddSingleton(privileged ?? PrivilegedBrowserSockets.None);
        services.TryAddSingleton(sp => options ?? new DataPathOptions
        {
            // MASQ_INTEGRATION_TEST=true is the reference's switch; it stays as an alias of --allow-loopback-targets on.
            AllowLoopbackTargets = sp.GetRequiredService<NodeSettings>().AllowLoopbackTargets
                || string.Equals(Environment.GetEnvironmentVariable("MASQ_INTEGRATION_TEST"), "true", StringComparison.OrdinalIgnoreCase),
            LocalAddress = sp.GetRequiredService<NodeSettings>().Ip,
        }.WithEnvironment(Environment.GetEnvironmentVariable));

        // Seams other subsystems may have filled already.
        services.TryAddSingleton<IAccountant, RecordingAccountant>();
        services.TryAddSingleton<TrafficCounters>();
        services.TryAddSingleton<IBannedWallets, BanList>();
        services.TryAddSingleton<IGossipSink, UnhandledGossipSink>();
        services.TryAddSingleton<NodeDirectory>();
        services.TryAddSingleton<INodeLocator>(sp => sp.GetRequiredService<NodeDirectory>());
        services.TryAddSingleton<IPayerSource>(sp => new ConsumingWalletPayerSource(
            sp.GetRequiredService<NodeSettings>(),
            sp.GetRequiredService<NodeIdentity>(),
            sp.GetRequiredService<Configuration.NodeRuntimeState>(),
            sp.GetService<Persistence.IPersistentConfiguration>()));
        // Zero-hop answers [self, self]. Otherwise, until the Neighborhood registers its gossip-based source, the Node
        // knows no routes, and every stream gets the "no route" page: an empty fixed list says exactly that.
        services.TryAddSingleton<IRouteSource>(sp => sp.GetRequiredService<NodeSettings>().NeighborhoodMode == NeighborhoodMode.ZeroHop
            ? new ZeroHopRouteSource(sp.GetRequiredService<NodeIdentity>())
            : new FixedRouteSource(sp.GetRequiredService<NodeIdentity>().Main, sp.GetRequiredService<IPayerSource>(), sp.GetRequiredService<NodeDirectory>(), []));

        services.TryAddSingleton<IMasquerader, JsonMasquerader>();
        services.TryAddSingleton<CrashHook>();
        services.TryAddSingleton<ExitResolver>();
        services.TryAddSingleton<BufferBudget>();
        services.TryAddSingleton<PeerConduct>();
        services.TryAddSingleton<ClandestinePool>();
        services.TryAddSingleton<IClandestineSender>(sp => sp.GetRequiredService<ClandestinePool>());
        services.TryAddSingleton(sp => new Lazy<IClandestineInbound>(sp.GetRequiredService<HopperService>));
        services.TryAddSingleton(sp => new Lazy<IExitInbound>(sp.GetRequiredService<ProxyClient>));
        services.TryAddSingleton(sp => new Lazy<IOriginInbound>(sp.GetRequiredService<ProxyServer>));
        services.TryAddSingleton<HopperService>();
        AddService<ProxyServer>(services, hosted: true);
        AddService<ProxyClient>(services, hosted: true);
        AddService<StreamHandlerPool>(services, hosted: true);
        services.AddSingleton<ICrashable>(sp => sp.GetRequiredService<HopperService>());
        return services;
    }

    private static void AddService<TService>(IServiceCollection services, bool hosted)
        where TService : class, ICrashable, IHostedService
    {
        services.TryAddSingleton<TService>();
        if (hosted)
        {
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TService>());
        }

        services.AddSingleton<ICrashable>(sp => sp.GetRequiredService<TService>());
    }
}
