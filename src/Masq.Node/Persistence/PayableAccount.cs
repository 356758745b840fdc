namespace Masq.Node.Persistence;

/// <summary>What we owe one creditor.</summary>
/// <param name="LastPaidTimestamp">The first-debt time, later the send time of the last confirmed payment.</param>
/// <param name="PendingPayableRowid">The fingerprint of the payment in flight, if any.</param>
internal sealed record PayableAccount(string WalletAddress, Int128 BalanceWei, DateTimeOffset LastPaidTimestamp, long? PendingPayableRowid);
