using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Blockchain;
using Masq.Node.Persistence;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Hosting;

/// <summary>
/// Wires the money subsystems: the wallets, the Accountant (<see cref="IAccountant"/> for the data path, financials),
/// the bans (<see cref="IBannedWallets"/> for the Hopper), and the BlockchainBridge with its scans
/// (<see cref="IScanStarter"/> for the Neighborhood, the UI <c>scan</c> message).
/// </summary>
internal static class MoneyComposition
{
    public static IServiceCollection AddMoney(this IServiceCollection services)
    {
        // The database is opened (created, migrated) before the host is built; this is one more factory on that file.
        services.TryAddSingleton<IDbContextFactory<NodeDatabase>>(sp =>
            NodeDatabaseFactory.ForReadWrite(Path.Combine(sp.GetRequiredService<NodeSettings>().DataDirectory, NodeDatabaseFactory.FileName)));
        services.AddSingleton(sp => LoadWallets(
            sp.GetRequiredService<NodeSettings>(),
            sp.GetRequiredService<IPersistentConfiguration>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NodeWallets).FullName!)));
        services.AddSingleton<PayableDao>();
        services.AddSingleton<ReceivableDao>();
        services.AddSingleton<PendingPayableDao>();
        services.AddSingleton<PaymentDao>();
        services.AddSingleton<BannedDao>();
        services.AddSingleton<FinancialTotals>();
        services.AddSingleton(sp => new PaymentCurve(sp.GetRequiredService<NodeSettings>().PaymentThresholds));
        services.AddSingleton<BannedWallets>();
        services.AddSingleton<IBannedWallets>(sp => sp.GetRequiredService<BannedWallets>());
        services.AddSingleton<DelinquencyScanner>();
        // MASQ_BENCHMARK_ACCOUNTING_WRITES: the accounting-overhead benchmark's baseline (charges computed, not stored).
        services.TryAddSingleton(AccountantOptions.FromBenchmarkSwitch(Environment.GetEnvironmentVariable("MASQ_BENCHMARK_ACCOUNTING_WRITES")));
        services.TryAddSingleton(new BlockchainOptions());
        AddActor<AccountantActor>(services);
        services.AddSingleton<IAccountant>(sp => sp.GetRequiredService<AccountantActor>());

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<BlockchainOptions>();
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = options.RequestTimeout,
            };
            return new BlockchainRpc(new JsonRpcTransport(http, sp.GetRequiredService<NodeSettings>().BlockchainServiceUrl));
        });
        services.AddSingleton(sp => new PaymentSigner(sp.GetRequiredService<NodeSettings>().Chain));
        services.AddSingleton<PayableScanner>();
        services.AddSingleton<PendingPayableScanner>();
        services.AddSingleton<ReceivableScanner>();
        AddActor<BlockchainBridgeActor>(services);
        services.AddSingleton<IScanStarter>(sp => sp.GetRequiredService<BlockchainBridgeActor>());
        return services;
    }

    /// <summary>
    /// The wallets at start-up: the one-run flags win (start-up already checked that they equal any stored value),
    /// then the stored consuming key (when the password is known) and earning address.
    /// </summary>
    internal static NodeWallets LoadWallets(NodeSettings settings, IPersistentConfiguration configuration, ILogger logger)
    {
        byte[]? consumingKey = null;
        if (settings.ConsumingPrivateKey is { } hex && EthereumKeys.TryParsePrivateKey(hex, out var given, out _))
        {
            consumingKey = given;
        }
        else if (settings.DbPassword is { } password && configuration.IsPasswordSet() && configuration.CheckPassword(password))
        {
            try
            {
                consumingKey = configuration.GetConsumingWalletPrivateKey(password);
            }
            catch (PersistenceException e)
            {
                logger.LogError("Cannot read the consuming wallet from the database: {Reason}", e.Message);
            }
        }

        var earning = settings.EarningWallet;
        if (earning is null && configuration.GetEarningWalletAddress() is { } stored
            && Masq.Lib.Blockchains.WalletAddress.TryParse(stored, out var storedWallet, out _))
        {
            earning = storedWallet;
        }

        return new NodeWallets(consumingKey, earning);
    }

    private static void AddActor<TActor>(IServiceCollection services)
        where TActor : class, IHostedService, IUiRequestHandler, ICrashable
    {
        services.AddSingleton<TActor>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TActor>());
        services.AddSingleton<IUiRequestHandler>(sp => sp.GetRequiredService<TActor>());
        services.AddSingleton<ICrashable>(sp => sp.GetRequiredService<TActor>());
    }
}
