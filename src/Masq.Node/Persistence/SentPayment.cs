namespace Masq.Node.Persistence;

/// <summary>A signed payment transaction about to be sent: the creditor, its hash and the amount in wei.</summary>
internal sealed record SentPayment(string WalletAddress, string TransactionHash, Int128 AmountWei);
