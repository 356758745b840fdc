namespace Masq.Node.Persistence;

/// <summary>An amount in wei for one wallet: a charge to record, or a payment received.</summary>
internal sealed record WalletAmount(string WalletAddress, Int128 AmountWei);
