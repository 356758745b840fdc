using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Masq.Daemon.Ui;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Hosting;
using Masq.Node.Neighborhood;
using Masq.Node.Networking;
using Masq.Node.Routing;
using Masq.Node.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Benchmarks.Settle;

/// <summary>What one Node of the settle mesh is, fixed before any Node starts (so every descriptor is known up front).</summary>
internal sealed record SettleNodeSpec(int Index, IPAddress Ip, int ClandestinePort, CryptDeReal Main, string ConsumingPrivateKey, WalletAddress EarningWallet)
{
    public static readonly Chain Chain = Chain.BaseSepolia;

    public NodeDescriptor Descriptor => new(Chain, Main.PublicKey.Span, new NodeAddr(Ip, [ClandestinePort]));

    public static SettleNodeSpec Create(int index, IPAddress ip, int port)
    {
        var main = CryptDeReal.Generate(Chain.ContractAddress.Bytes);
        var consuming = RandomKey();
        var earning = RandomKey();
        return new SettleNodeSpec(index, ip, port, main, Convert.ToHexStringLower(consuming), EthereumKeys.WalletOf(earning));
    }

    private static byte[] RandomKey()
    {
        while (true)
        {
            var key = RandomNumberGenerator.GetBytes(EthereumKeys.PrivateKeyLength);
            if (EthereumKeys.IsValidPrivateKey(key))
            {
                return key;
            }
        }
    }
}

/// <summary>
/// A standard-mode Node's Neighborhood and data path in a generic host of its own, on its own 127.0.x.y address with
/// real sockets, as the Node host composes them (Neighborhood first, so its seams win); several run in one process.
/// </summary>
internal sealed class SettleNode : IAsyncDisposable
{
    private readonly IHost _host;

    private SettleNode(SettleNodeSpec spec, IHost host, SettleLog logs)
    {
        Spec = spec;
        _host = host;
        Logs = logs;
        Progress = host.Services.GetRequiredService<ConnectionProgress>();
        Traffic = host.Services.GetRequiredService<GossipTraffic>();
        Neighborhood = host.Services.GetRequiredService<NeighborhoodActor>();
        Failure = host.Services.GetRequiredService<NodeFailure>();
        Routes = host.Services.GetRequiredService<IRouteSource>();
    }

    public SettleNodeSpec Spec { get; }

    public SettleLog Logs { get; }

    public ConnectionProgress Progress { get; }

    public GossipTraffic Traffic { get; }

    public NeighborhoodActor Neighborhood { get; }

    public NodeFailure Failure { get; }

    public IRouteSource Routes { get; }

    public static NodeSettings Settings(SettleNodeSpec spec, IReadOnlyList<NodeDescriptor> neighbors) => new()
    {
        Chain = SettleNodeSpec.Chain,
        DataDirectory = Path.GetTempPath(),
        ConfigFile = Path.Combine(Path.GetTempPath(), "masq-settle-none.toml"),
        UiPort = 0,
        ClandestinePort = spec.ClandestinePort,
        Ip = spec.Ip,
        NeighborhoodMode = NeighborhoodMode.Standard,
        Neighbors = neighbors,
        DnsServers = [],
        LogLevel = NodeLogLevel.Info,
        MinHops = 3,
        RatePack = RatePack.Default,
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
        ProxyPort = 0,
    };

    /// <summary>Builds and starts the host; when this returns the clandestine listener is up.</summary>
    public static async Task<SettleNode> StartAsync(SettleNodeSpec spec, IReadOnlyList<NodeDescriptor> neighbors, Stopwatch clock, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logs = new SettleLog(clock);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Masq.Node.Neighborhood", LogLevel.Debug);
        var settings = Settings(spec, neighbors);
        var identity = new NodeIdentity(spec.Main, spec.Main.CreateAlias(), spec.Descriptor, spec.Descriptor);
        var services = builder.Services;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(identity);
        services.AddSingleton(new NodeRuntimeState(settings));
        services.AddSingleton<NodeFailure>();
        services.AddSingleton<ConnectionProgress>();
        services.AddSingleton<GossipTraffic>();
        services.AddSingleton<IUiOutbound, NullUiOutbound>();
        services.AddSingleton<RecordingAccountant>();
        services.AddSingleton<IAccountant>(sp => sp.GetRequiredService<RecordingAccountant>());
        services.AddSingleton<BanList>();
        services.AddSingleton<IBannedWallets>(sp => sp.GetRequiredService<BanList>());
        services.AddMasqNeighborhood(NeighborhoodMode.Standard);
        services.AddMasqDataPath(null, new DataPathOptions { AllowLoopbackTargets = true, LocalAddress = spec.Ip });
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new SettleNode(spec, host, logs);
    }

    public async ValueTask DisposeAsync()
    {
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
}
