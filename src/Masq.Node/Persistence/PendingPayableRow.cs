namespace Masq.Node.Persistence;

/// <summary>A row of <c>pending_payable</c>: the fingerprint of one sent payment transaction.</summary>
internal sealed class PendingPayableRow
{
    public long Rowid { get; set; }

    public required string TransactionHash { get; set; }

    public long AmountHigh { get; set; }

    public long AmountLow { get; set; }

    /// <summary>Unix seconds: when the transaction was sent.</summary>
    public long PayableTimestamp { get; set; }

    public long Attempt { get; set; }

    /// <summary><c>ERROR</c> when the chain reported the transaction as failed.</summary>
    public string? ProcessError { get; set; }

    /// <summary>The amount in wei; not mapped, it reads and writes the two stored columns.</summary>
    public Int128 Amount
    {
        get => WeiAmount.Join(AmountHigh, AmountLow);
        set => (AmountHigh, AmountLow) = WeiAmount.Split(value);
    }
}
