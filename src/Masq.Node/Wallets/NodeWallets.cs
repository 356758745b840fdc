using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Persistence;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Wallets;

/// <summary>
/// The wallets this Node runs with, shared by the actors that need them: the consuming wallet (its key, for paying
/// and for payer proofs) and the earning wallet (the configured one, or the default earning wallet). The
/// Configurator replaces them after generateWallets / recoverWallets, or loads the stored key once a password is
/// known; readers see one consistent <see cref="WalletSet"/> and subscribe to <see cref="Changed"/> to switch live.
/// </summary>
internal sealed class NodeWallets
{
    private volatile WalletSet _current;

    public NodeWallets(byte[]? consumingPrivateKey, WalletAddress? earningWallet)
    {
        _current = WalletSet.Create(consumingPrivateKey, earningWallet);
    }

    /// <summary>Raised (on the writer's thread) after the wallets change.</summary>
    public event Action<WalletSet>? Changed;

    public WalletSet Current => _current;

    public void Replace(byte[]? consumingPrivateKey, WalletAddress? earningWallet)
    {
        var next = WalletSet.Create(consumingPrivateKey, earningWallet);
        _current = next;
        Changed?.Invoke(next);
    }

    /// <summary>Sets the consuming key while keeping the earning wallet (a password became known).</summary>
    public void SetConsumingKey(byte[] consumingPrivateKey)
    {
        var current = _current;
        Replace(consumingPrivateKey, current.EarningIsDefault ? null : current.Earning);
    }

    /// <summary>
    /// The wallets at start-up: the one-run flags win (start-up already checked that they equal any stored value),
    /// then the stored consuming key (when the password is known) and earning address.
    /// </summary>
    public static NodeWallets Load(NodeSettings settings, IPersistentConfiguration configuration, ILogger logger)
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
            && WalletAddress.TryParse(stored, out var storedWallet, out _))
        {
            earning = storedWallet;
        }

        return new NodeWallets(consumingKey, earning);
    }
}
