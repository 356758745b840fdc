using Masq.Lib.Blockchains;
using Nethereum.Signer;

namespace Masq.Node.Wallets;

/// <summary>One immutable view of the Node's wallets.</summary>
internal sealed class WalletSet
{
    private readonly byte[]? _consumingPrivateKey;

    private WalletSet(byte[]? consumingPrivateKey, WalletAddress? consuming, WalletAddress earning, bool earningIsDefault)
    {
        _consumingPrivateKey = consumingPrivateKey;
        Consuming = consuming;
        Earning = earning;
        EarningIsDefault = earningIsDefault;
    }

    /// <summary>The consuming wallet's address, or null when this Node has no consuming wallet.</summary>
    public WalletAddress? Consuming { get; }

    /// <summary>The configured earning wallet, or <see cref="WalletAddress.DefaultEarningWallet"/>.</summary>
    public WalletAddress Earning { get; }

    public bool EarningIsDefault { get; }

    public bool HasConsumingWallet => _consumingPrivateKey is not null;

    /// <summary>True for this Node's own consuming or earning wallet, which it never charges.</summary>
    public bool IsOwn(WalletAddress wallet) => wallet == Earning || wallet == Consuming;

    /// <summary>The consuming wallet as a signing key (a fresh copy each call), or null.</summary>
    public EthECKey? ConsumingKey() => _consumingPrivateKey is null ? null : new EthECKey(_consumingPrivateKey, isPrivate: true);

    internal static WalletSet Create(byte[]? consumingPrivateKey, WalletAddress? earningWallet)
    {
        if (consumingPrivateKey is not null && !EthereumKeys.IsValidPrivateKey(consumingPrivateKey))
        {
            throw new ArgumentException("Not a secp256k1 private key.", nameof(consumingPrivateKey));
        }

        var key = consumingPrivateKey?.ToArray();
        var consuming = key is null ? null : EthereumKeys.WalletOf(key);
        return new WalletSet(key, consuming, earningWallet ?? WalletAddress.DefaultEarningWallet, earningWallet is null);
    }
}
