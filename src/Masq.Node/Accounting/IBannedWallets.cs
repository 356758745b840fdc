namespace Masq.Node.Accounting;

/// <summary>Wallets this Node refuses to serve (delinquent payers): a relay drops packages they pay for.</summary>
internal interface IBannedWallets
{
    bool IsBanned(Masq.Lib.Blockchains.WalletAddress wallet);
}
