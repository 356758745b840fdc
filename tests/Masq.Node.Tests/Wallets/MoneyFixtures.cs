using Masq.Daemon.Ui;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;

namespace Masq.Node.Tests.Wallets;

/// <summary>Shared construction for the wallet, accounting and blockchain tests.</summary>
internal static class MoneyFixtures
{
    public static NodeSettings Settings(
        string dataDirectory,
        PaymentThresholds? thresholds = null,
        ScanIntervals? scanIntervals = null,
        RatePack? ratePack = null,
        Uri? blockchainServiceUrl = null,
        bool scansEnabled = true,
        ulong gasPriceGwei = 1,
        Chain? chain = null,
        NeighborhoodMode mode = NeighborhoodMode.Standard) => new()
        {
            Chain = chain ?? Chain.Dev,
            DataDirectory = dataDirectory,
            ConfigFile = Path.Combine(dataDirectory, "config.toml"),
            UiPort = 5333,
            ClandestinePort = null,
            Ip = null,
            NeighborhoodMode = mode,
            Neighbors = [],
            DnsServers = [],
            LogLevel = NodeLogLevel.Warn,
            MinHops = 3,
            RatePack = ratePack ?? RatePack.Default,
            PaymentThresholds = thresholds ?? PaymentThresholds.Default,
            ScanIntervals = scanIntervals ?? ScanIntervals.Default,
            ScansEnabled = scansEnabled,
            GasPrice = gasPriceGwei,
            BlockchainServiceUrl = blockchainServiceUrl,
            EarningWallet = null,
            ConsumingPrivateKey = null,
            DbPassword = null,
            NewPublicKey = false,
            RealUser = new RealUser(null, null, null),
            MappingProtocol = null,
            CrashPoint = CrashPoint.None,
            FakePublicKey = null,
            ProxyPort = 8080,
        };
}
