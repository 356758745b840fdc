using Masq.Lib.Blockchains;

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
}
