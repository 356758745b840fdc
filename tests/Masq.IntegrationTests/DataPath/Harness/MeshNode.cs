using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Configuration;
using Masq.Node.Hosting;
using Masq.Node.Networking;
using Masq.Node.Proxy.Client;
using Masq.Node.Proxy.Server;
using Masq.Node.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>
/// A whole data-path composition (the same <see cref="DataPathComposition"/> the Node host uses) in a generic host of
/// its own, on its own 127.0.0.x address with its own keys: several can run in one process.
/// </summary>
internal sealed class MeshNode : IAsyncDisposable
{
    private readonly IHost _host;

    private MeshNode(MeshNodeSpec spec, IHost host, LogCollector logs)
    {
        Spec = spec;
        _host = host;
        Logs = logs;
    }

    private int _disposed;

    public MeshNodeSpec Spec { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _host.Services;

    public RecordingAccountant Accountant => _host.Services.GetRequiredService<RecordingAccountant>();

    public BanList Bans => _host.Services.GetRequiredService<BanList>();

    public ProxyServer ProxyServer => _host.Services.GetRequiredService<ProxyServer>();

    public ProxyClient ProxyClient => _host.Services.GetRequiredService<ProxyClient>();

    public NodeFailure Failure => _host.Services.GetRequiredService<NodeFailure>();

    public Uri ProxyUri => new($"http://127.0.0.1:{Spec.ProxyPort}");

    public static NodeSettings Settings(MeshNodeSpec spec) => new()
    {
        Chain = Chain.BaseSepolia,
        DataDirectory = Path.GetTempPath(),
        ConfigFile = Path.Combine(Path.GetTempPath(), "masq-mesh-none.toml"),
        UiPort = 0,
        ClandestinePort = spec.ClandestinePort,
        Ip = spec.Mode == NeighborhoodMode.ZeroHop ? null : spec.Ip,
        NeighborhoodMode = spec.Mode,
        Neighbors = [],
        DnsServers = spec.DnsServers,
        LogLevel = NodeLogLevel.Info,
        MinHops = 3,
        RatePack = spec.RatePack,
        PaymentThresholds = PaymentThresholds.Default,
        ScanIntervals = ScanIntervals.Default,
        ScansEnabled = false,
        GasPrice = 1,
        BlockchainServiceUrl = null,
        EarningWallet = spec.EarningWallet,
        ConsumingPrivateKey = spec.ConsumingPrivateKey,
        DbPassword = null,
        NewPublicKey = false,
        RealUser = new RealUser(null, null, null),
        MappingProtocol = null,
        CrashPoint = CrashPoint.None,
        FakePublicKey = null,
        ProxyPort = spec.ProxyPort,
        SocksPort = spec.SocksPort,
    };

    public static async Task<MeshNode> StartAsync(MeshNodeSpec spec, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logs = new LogCollector();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        var settings = Settings(spec);
        var identity = new NodeIdentity(spec.Main, spec.Main.CreateAlias(), null, new NodeDescriptor(settings.Chain, spec.Main.PublicKey.Span, null));
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(identity);
        services.AddSingleton(new NodeRuntimeState(settings));
        services.AddSingleton<NodeFailure>();
        services.AddSingleton<RecordingAccountant>();
        services.AddSingleton<IAccountant>(sp => sp.GetRequiredService<RecordingAccountant>());
        services.AddSingleton<BanList>();
        services.AddSingleton<IBannedWallets>(sp => sp.GetRequiredService<BanList>());
        if (spec.Directory is { } directory)
        {
            services.AddSingleton(directory);
            if (spec.Routes is { } routes)
            {
                services.AddSingleton<IRouteSource>(sp => new FixedRouteSource(identity.Main, sp.GetRequiredService<IPayerSource>(), directory, routes));
            }
        }

        services.AddMasqDataPath(spec.TransparentSockets, spec.Options);
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new MeshNode(spec, host, logs);
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
    }

    public RouteNode Describe() => new(Spec.Main.PublicKey, Spec.ClandestineEndpoint, Spec.EarningWallet, Spec.RatePack);
}
