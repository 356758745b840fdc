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
using Masq.Node.Persistence;
using Masq.Node.Routing;
using Masq.Node.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;

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
/// A standard-mode Node in a generic host of its own, composed as the Node host composes it, on its own 127.0.x.y
/// address with real sockets and its own database; several run in one process.
/// </summary>
internal sealed class SettleNode : IAsyncDisposable
{
    private readonly IHost _host;

    private readonly NodeDatabaseFactory _database;
    private readonly DirectoryInfo _dataDirectory;

    private SettleNode(SettleNodeSpec spec, IHost host, SettleLog logs, NodeDatabaseFactory database, DirectoryInfo dataDirectory)
    {
        Spec = spec;
        _host = host;
        Logs = logs;
        _database = database;
        _dataDirectory = dataDirectory;
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

    public static NodeSettings Settings(SettleNodeSpec spec, IReadOnlyList<NodeDescriptor> neighbors, string dataDirectory) => TestNode.Settings(
        dataDirectory,
        chain: SettleNodeSpec.Chain,
        ip: spec.Ip,
        clandestinePort: spec.ClandestinePort,
        neighbors: neighbors,
        logLevel: NodeLogLevel.Info,
        earningWallet: spec.EarningWallet,
        consumingPrivateKey: spec.ConsumingPrivateKey,
        proxyPort: 0);

    /// <summary>Builds and starts the host; when this returns the clandestine listener is up.</summary>
    public static async Task<SettleNode> StartAsync(SettleNodeSpec spec, IReadOnlyList<NodeDescriptor> neighbors, Stopwatch clock, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logs = new SettleLog(clock);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Masq.Node.Neighborhood", LogLevel.Debug);
        var dataDirectory = Directory.CreateTempSubdirectory("masq-settle-");
        var settings = Settings(spec, neighbors, dataDirectory.FullName);
        var identity = new NodeIdentity(spec.Main, spec.Main.CreateAlias(), spec.Descriptor, spec.Descriptor);
        var database = builder.Services.AddTestNode(settings, identity, new NullUiOutbound(), options =>
            options.DataPath = new DataPathOptions { AllowLoopbackTargets = true, LocalAddress = spec.Ip });
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new SettleNode(spec, host, logs, database, dataDirectory);
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
        _database.ReleasePooledConnections();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
