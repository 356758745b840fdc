using Masq.Lib.Blockchains;

namespace Masq.Node.Wallets;

/// <summary>
/// The wallets a generateWallets or recoverWallets request makes. Only <see cref="ConsumingPrivateKey"/> (encrypted)
/// and <see cref="EarningWallet"/> are ever stored; the phrase and the earning key go back to the user once.
/// </summary>
internal sealed record DerivedWallets(
    byte[] ConsumingPrivateKey,
    WalletAddress EarningWallet,
    byte[]? EarningPrivateKey,
    MnemonicPhrase? Phrase)
{
    public WalletAddress ConsumingWallet { get; } = EthereumKeys.WalletOf(ConsumingPrivateKey);
}
