namespace Masq.Node.Persistence;

/// <summary>A row of <c>receivable</c>: what one debtor owes us (negative after an overpayment).</summary>
internal sealed class ReceivableRow
{
    public required string WalletAddress { get; set; }

    public long BalanceHigh { get; set; }

    public long BalanceLow { get; set; }

    /// <summary>Unix seconds: the first-debt time, later the time the last payment was detected.</summary>
    public long LastReceivedTimestamp { get; set; }

    /// <summary>The balance in wei; not mapped, it reads and writes the two stored columns.</summary>
    public Int128 Balance
    {
        get => WeiAmount.Join(BalanceHigh, BalanceLow);
        set => (BalanceHigh, BalanceLow) = WeiAmount.Split(value);
    }
}
