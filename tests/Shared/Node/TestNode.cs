using System.Security.Cryptography;
using Masq.Daemon.Ui;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Hosting;
using Masq.Node.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Tests.Shared;

/// <summary>
/// What every in-process test Node shares: settings with test defaults, and a Node composed by the product's
/// <see cref="NodeComposition.AddMasqNode"/> on a real database, with the UI transport replaced (nobody connects).
/// </summary>
internal static class TestNode
{
    /// <summary>Key derivation cheap enough for tests; the product's cost makes every password check take a second.</summary>
    public static readonly KdfCost CheapKdf = new(3, 8 * 1024);

    public static NodeSettings Settings(
        string dataDirectory,
        Chain? chain = null,
        NeighborhoodMode mode = NeighborhoodMode.Standard,
        System.Net.IPAddress? ip = null,
        int? clandestinePort = null,
        IReadOnlyList<NodeDescriptor>? neighbors = null,
        IReadOnlyList<System.Net.IPAddress>? dnsServers = null,
        NodeLogLevel logLevel = NodeLogLevel.Warn,
        RatePack? ratePack = null,
        PaymentThresholds? thresholds = null,
        ScanIntervals? scanIntervals = null,
        bool scansEnabled = false,
        ulong gasPriceGwei = 1,
        Uri? blockchainServiceUrl = null,
        WalletAddress? earningWallet = null,
        string? consumingPrivateKey = null,
        int proxyPort = 8080,
        bool allowLoopbackTargets = false,
        int socksPort = 0) => new()
        {
            Chain = chain ?? Chain.Dev,
            DataDirectory = dataDirectory,
            ConfigFile = Path.Combine(dataDirectory, "config.toml"),
            UiPort = 5333,
            ClandestinePort = clandestinePort,
            Ip = ip,
            NeighborhoodMode = mode,
            Neighbors = neighbors ?? [],
            DnsServers = dnsServers ?? [],
            LogLevel = logLevel,
            MinHops = 3,
            RatePack = ratePack ?? RatePack.Default,
            PaymentThresholds = thresholds ?? PaymentThresholds.Default,
            ScanIntervals = scanIntervals ?? ScanIntervals.Default,
            ScansEnabled = scansEnabled,
            GasPrice = gasPriceGwei,
            BlockchainServiceUrl = blockchainServiceUrl,
            EarningWallet = earningWallet,
            ConsumingPrivateKey = consumingPrivateKey,
            DbPassword = null,
            NewPublicKey = false,
            RealUser = new RealUser(null, null, null),
            MappingProtocol = null,
            CrashPoint = CrashPoint.None,
            FakePublicKey = null,
            ProxyPort = proxyPort,
            SocksPort = socksPort,
            AllowLoopbackTargets = allowLoopbackTargets,
        };

    /// <summary>A new identity with real keys and no public address (as for a Node that accepts no connections).</summary>
    public static NodeIdentity NewIdentity(Chain chain)
    {
        var main = CryptDeReal.Generate(chain.ContractAddress.Bytes);
        return new NodeIdentity(main, main.CreateAlias(), null, new NodeDescriptor(chain, main.PublicKey.Span, null));
    }

    /// <summary>
    /// Creates (or opens) the database in the settings' data directory and composes the whole Node on it, as the Node
    /// host does; <paramref name="outbound"/> takes what the Node would send to UI clients.
    /// </summary>
    public static NodeDatabaseFactory AddTestNode(
        this IServiceCollection services,
        NodeSettings settings,
        NodeIdentity identity,
        IUiOutbound outbound,
        Action<MasqNodeOptions>? configure = null)
    {
        var database = new DatabaseInitializer(new ClandestinePortPicker(), NullLogger<DatabaseInitializer>.Instance)
            .OpenOrCreate(settings.DataDirectory, settings.Chain.Id);
        services.AddMasqNode(settings, identity, options =>
        {
            options.Configuration = new PersistentConfiguration(database, new PasswordKeyDerivation(CheapKdf));
            options.UiSecret = RandomNumberGenerator.GetBytes(32);
            configure?.Invoke(options);
        });
        services.Replace(ServiceDescriptor.Singleton(outbound));
        return database;
    }

    /// <summary>Puts <paramref name="replacement"/> in place of the Node's own <typeparamref name="T"/> (a seam).</summary>
    public static IServiceCollection Override<T>(this IServiceCollection services, Func<IServiceProvider, T> replacement)
        where T : class
    {
        services.Replace(ServiceDescriptor.Singleton(replacement));
        return services;
    }
}
