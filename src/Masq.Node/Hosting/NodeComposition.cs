using Masq.Daemon.Ui;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Blockchain;
using Masq.Node.Configuration;
using Masq.Node.Hopper;
using Masq.Node.Links;
using Masq.Node.Neighborhood;
using Masq.Node.Networking;
using Masq.Node.Persistence;
using Masq.Node.Proxy.Client;
using Masq.Node.Proxy.Server;
using Masq.Node.Routing;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;
using Masq.Node.Crypto;
using Masq.Node.EntryDns;
using Masq.Node.PortMapping;
using Masq.Node.Proxy;
using Masq.Node.Neighborhood.Routes;

namespace Masq.Node.Hosting;

/// <summary>
/// The Node's one composition root: every subsystem, registered once, in the order the Node starts them. The Node
/// host, localnet Nodes and the test harnesses all build their Node through <see cref="AddMasqNode"/>; a harness may
/// then replace a true seam (the clock, the route source, the UI transport), nothing else.
/// </summary>
internal static class NodeComposition
{
    /// <exception cref="InvalidOperationException">A required option is missing.</exception>
    public static IServiceCollection AddMasqNode(this IServiceCollection services, NodeSettings settings, NodeIdentity identity, Action<MasqNodeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(identity);
        var options = new MasqNodeOptions();
        configure(options);
        options.Validate();

        services.Configure<HostOptions>(o =>
        {
            // Kestrel waits this long for UI connections to drain before closing them; actors finish well within it.
            o.ShutdownTimeout = TimeSpan.FromSeconds(5);
            o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });

        // What the whole Node shares: its settings, identity, database, clock and run-time state.
        services.AddSingleton(settings);
        services.AddSingleton(identity);
        services.AddSingleton(options.Configuration!);
        services.AddSingleton<IDbContextFactory<NodeDatabase>>(NodeDatabaseFactory.ForReadWrite(Path.Combine(settings.DataDirectory, NodeDatabaseFactory.FileName)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new NodeRuntimeState(settings));
        services.AddSingleton<NodeFailure>();
        services.AddSingleton(sp => NodeWallets.Load(settings, sp.GetRequiredService<IPersistentConfiguration>(), sp.GetRequiredService<ILogger<NodeWallets>>()));

        // Hosted services start in this order and stop in the reverse one. The check runs first: by then every
        // hosted service has been built, and with it everything that attaches itself to a lower layer.
        services.AddHostedService<CompositionCheck>();

        // The UI: the hub its clients connect to, the gateway that routes their messages to the actors, traffic figures.
        services.AddMasqUiHub(options.UiSecret!);
        services.AddSingleton<UiGateway>();
        services.AddSingleton<IUiMessageHandler>(sp => sp.GetRequiredService<UiGateway>());
        services.AddSingleton<TrafficCounters>();
        services.AddHostedService<TrafficStatsBroadcaster>();
        AddActor<ConfiguratorActor>(services);
        AddActor<DispatcherActor>(services);

        // The Neighborhood: the database of Nodes, gossip, connection progress; it picks routes outside zero-hop mode.
        services.AddSingleton<ConnectionProgress>();
        services.AddSingleton<GossipTraffic>();
        services.AddSingleton<NodeDirectory>();
        services.AddSingleton<INodeLocator>(sp => sp.GetRequiredService<NodeDirectory>());
        AddActor<NeighborhoodActor>(services);
        if (settings.NeighborhoodMode == NeighborhoodMode.ZeroHop)
        {
            services.AddSingleton<IRouteSource>(new ZeroHopRouteSource(identity));
        }
        else
        {
            services.AddSingleton<IRouteSource, GossipRouteSource>();
        }

        // Money: the Accountant (charges, financials), the banned wallets, the BlockchainBridge and its scans.
        services.AddSingleton<PayableDao>();
        services.AddSingleton<ReceivableDao>();
        services.AddSingleton<PendingPayableDao>();
        services.AddSingleton<PaymentDao>();
        services.AddSingleton<BannedDao>();
        services.AddSingleton<FinancialTotals>();
        services.AddSingleton(new PaymentCurve(settings.PaymentThresholds));
        services.AddSingleton<BannedWallets>();
        services.AddSingleton<IBannedWallets>(sp => sp.GetRequiredService<BannedWallets>());
        services.AddSingleton<DelinquencyScanner>();
        services.AddSingleton(options.Accountant);
        AddActor<AccountantActor>(services);
        services.AddSingleton<IAccountant>(sp => sp.GetRequiredService<AccountantActor>());
        services.AddSingleton(options.Blockchain);
        services.AddSingleton(sp => new BlockchainRpc(new JsonRpcTransport(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = options.Blockchain.RequestTimeout },
            settings.BlockchainServiceUrl)));
        services.AddSingleton(new PaymentSigner(settings.Chain));
        services.AddSingleton<PayableScanner>();
        services.AddSingleton<PendingPayableScanner>();
        services.AddSingleton<ReceivableScanner>();
        AddActor<BlockchainBridgeActor>(services);
        services.AddSingleton<IScanStarter>(sp => sp.GetRequiredService<BlockchainBridgeActor>());

        // The data path: clandestine links and browser connections (StreamHandlerPool), the Hopper, the ProxyServer
        // (originator) and the ProxyClient (exit). The Hopper attaches itself to the links, and the proxies and the
        // Neighborhood to the Hopper, as the takers of what arrives for them.
        services.AddSingleton(options.PrivilegedSockets);
        services.AddSingleton(options.DataPath ?? DataPathOptions.For(settings));
        services.AddSingleton<IPayerSource, ConsumingWalletPayerSource>();
        services.AddSingleton(options.Links ?? new LinkOptions());
        services.AddSingleton(sp => new LinkHandshake(
            sp.GetRequiredService<NodeIdentity>().Main,
            sp.GetRequiredService<LinkOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<PeerConduct>(),
            sp.GetRequiredService<ILogger<LinkHandshake>>()));
        services.AddSingleton<CrashHook>();
        services.AddSingleton<ExitResolver>();
        services.AddSingleton<BufferBudget>();
        services.AddSingleton<PeerConduct>();
        services.AddSingleton<ClandestinePool>();
        services.AddSingleton<HopperService>();
        services.AddSingleton<ICrashable>(sp => sp.GetRequiredService<HopperService>());
        AddDataPathService<ProxyServer>(services);
        AddDataPathService<ProxyClient>(services);
        AddDataPathService<StreamHandlerPool>(services);

        // Reachability: the router mapping start-up made (if any), renewed before its lease ends and deleted at the end.
        services.AddSingleton(options.PortMapping);
        services.AddHostedService<PortMappingKeeper>();

        // Entry DNS: every name is 127.0.0.1, on 127.0.0.1:53 bound while the process was still privileged (dns_utility
        // points the system resolver there). Without those sockets there is nothing to serve.
        if (options.EntryDnsSockets is { Udp: not null } or { Tcp: not null })
        {
            services.AddSingleton(options.EntryDnsSockets);
            services.AddSingleton<EntryDnsServer>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EntryDnsServer>());
        }

        return services;
    }

    private static void AddActor<TActor>(IServiceCollection services)
        where TActor : class, IHostedService, IUiRequestHandler, ICrashable
    {
        services.AddSingleton<TActor>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TActor>());
        services.AddSingleton<IUiRequestHandler>(sp => sp.GetRequiredService<TActor>());
        services.AddSingleton<ICrashable>(sp => sp.GetRequiredService<TActor>());
    }

    private static void AddDataPathService<TService>(IServiceCollection services)
        where TService : class, ICrashable, IHostedService
    {
        services.AddSingleton<TService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TService>());
        services.AddSingleton<ICrashable>(sp => sp.GetRequiredService<TService>());
    }

    /// <summary>Fails the Node's start when a lower layer has nobody to hand what arrives to.</summary>
    private sealed class CompositionCheck(ClandestinePool links, HopperService hopper) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            links.EnsureAttached();
            hopper.EnsureAttached();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
