namespace Masq.Node.Persistence;

/// <summary>A row of <c>payable</c>: what we owe one creditor.</summary>
internal sealed class PayableRow
{
    public required string WalletAddress { get; set; }

    public long BalanceHigh { get; set; }

    public long BalanceLow { get; set; }

    /// <summary>Unix seconds: the first-debt time, later the send time of the last confirmed payment.</summary>
    public long LastPaidTimestamp { get; set; }

    /// <summary>The <c>pending_payable</c> row of the payment in flight, if any.</summary>
    public long? PendingPayableRowid { get; set; }

    /// <summary>The balance in wei; not mapped, it reads and writes the two stored columns.</summary>
    public Int128 Balance
    {
        get => WeiAmount.Join(BalanceHigh, BalanceLow);
        set => (BalanceHigh, BalanceLow) = WeiAmount.Split(value);
    }
}
