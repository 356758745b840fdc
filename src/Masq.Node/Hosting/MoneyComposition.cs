using Masq.Lib.Configuration;
using Masq.Node.Persistence;
using Masq.Node.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Hosting;

/// <summary>Wires the money subsystems: wallets, the Accountant, bans, the BlockchainBridge and its scans.</summary>
internal static class MoneyComposition
{
    public static IServiceCollection AddMoney(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadWallets(
            sp.GetRequiredService<NodeSettings>(),
            sp.GetRequiredService<IPersistentConfiguration>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NodeWallets).FullName!)));
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
}
