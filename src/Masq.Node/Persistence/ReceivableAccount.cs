namespace Masq.Node.Persistence;

/// <summary>What one debtor owes us; negative after an overpayment.</summary>
/// <param name="LastReceivedTimestamp">The first-debt time, later when the last payment was detected.</param>
internal sealed record ReceivableAccount(string WalletAddress, Int128 BalanceWei, DateTimeOffset LastReceivedTimestamp);
