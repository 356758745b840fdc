using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Configuration;
using Masq.Node.Hosting;
using Masq.Node.Networking;
using Masq.Node.Persistence;
using Masq.Node.Proxy.Client;
using Masq.Node.Proxy.Server;
using Masq.Node.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Masq.Node.Crypto;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>
/// A whole Node (composed by <see cref="NodeComposition.AddMasqNode"/>, as the Node host does) in a generic host of
/// its own, on its own 127.0.0.x address with its own keys and database: several can run in one process. Routes
/// come from a fixed list rather than from gossip, so 1- to 6-hop routes can be chosen by the test.
/// </summary>
internal sealed class MeshNode : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly NodeDatabaseFactory _database;
    private readonly DirectoryInfo _dataDirectory;

    private MeshNode(MeshNodeSpec spec, IHost host, LogCollector logs, NodeDatabaseFactory database, DirectoryInfo dataDirectory)
    {
        Spec = spec;
        _host = host;
        Logs = logs;
        _database = database;
        _dataDirectory = dataDirectory;
    }

    private int _disposed;

    public MeshNodeSpec Spec { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _host.Services;

    public RecordingAccountant Accountant => _host.Services.GetRequiredService<RecordingAccountant>();

    public BannedWallets Bans => _host.Services.GetRequiredService<BannedWallets>();

    public ProxyServer ProxyServer => _host.Services.GetRequiredService<ProxyServer>();

    public ProxyClient ProxyClient => _host.Services.GetRequiredService<ProxyClient>();

    public NodeFailure Failure => _host.Services.GetRequiredService<NodeFailure>();

    public Uri ProxyUri => new($"http://127.0.0.1:{Spec.ProxyPort}");

    public static NodeSettings Settings(MeshNodeSpec spec, string dataDirectory) => TestNode.Settings(
        dataDirectory,
        chain: Chain.BaseSepolia,
        mode: spec.Mode,
        ip: spec.Mode == NeighborhoodMode.ZeroHop ? null : spec.Ip,
        clandestinePort: spec.ClandestinePort,
        dnsServers: spec.DnsServers,
        logLevel: NodeLogLevel.Info,
        ratePack: spec.RatePack,
        earningWallet: spec.EarningWallet,
        consumingPrivateKey: spec.ConsumingPrivateKey,
        proxyPort: spec.ProxyPort,
        socksPort: spec.SocksPort);

    public static async Task<MeshNode> StartAsync(MeshNodeSpec spec, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logs = new LogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        var dataDirectory = Directory.CreateTempSubdirectory("masq-mesh-");
        var settings = Settings(spec, dataDirectory.FullName);
        var identity = new NodeIdentity(spec.Main, spec.Main.CreateAlias(), null, new NodeDescriptor(settings.Chain, spec.Main.PublicKey.Span, null));
        var services = builder.Services;
        var database = services.AddTestNode(settings, identity, new NullUiOutbound(), options =>
        {
            options.DataPath = spec.Options;
            options.PrivilegedSockets = spec.TransparentSockets ?? PrivilegedBrowserSockets.None;
            if (spec.Accountant is { } accountant)
            {
                options.Accountant = accountant;
            }
        });

        // The seams: the mesh's shared directory and fixed routes in place of gossip, and a record of the accounting.
        services.AddSingleton(sp => new RecordingAccountant(sp.GetRequiredService<AccountantActor>()));
        services.Override<IAccountant>(sp => sp.GetRequiredService<RecordingAccountant>());
        if (spec.Directory is { } directory)
        {
            services.Override(_ => directory);
            if (spec.Mode != NeighborhoodMode.ZeroHop)
            {
                services.Override<IRouteSource>(sp => new FixedRouteSource(identity.Main, sp.GetRequiredService<IPayerSource>(), directory, spec.Routes ?? []));
            }
        }

        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new MeshNode(spec, host, logs, database, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        // A test may stop one Node of a mesh early; the mesh stops it again at the end.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
        _database.ReleasePooledConnections();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public RouteNode Describe() => new(Spec.Main.PublicKey, Spec.ClandestineEndpoint, Spec.EarningWallet, Spec.RatePack);
}
