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
        NeighborhoodMode mode = NeighborhoodMode.Standard) => TestNode.Settings(
            dataDirectory,
            chain: chain ?? Chain.Dev,
            mode: mode,
            ratePack: ratePack,
            thresholds: thresholds,
            scanIntervals: scanIntervals,
            scansEnabled: scansEnabled,
            gasPriceGwei: gasPriceGwei,
            blockchainServiceUrl: blockchainServiceUrl);
}
