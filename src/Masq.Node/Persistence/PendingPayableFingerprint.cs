namespace Masq.Node.Persistence;

/// <summary>One sent payment transaction awaiting its receipt.</summary>
/// <param name="ProcessError"><c>ERROR</c> once the chain reported the transaction as failed.</param>
internal sealed record PendingPayableFingerprint(
    long Rowid,
    string TransactionHash,
    Int128 AmountWei,
    DateTimeOffset PayableTimestamp,
    long Attempt,
    string? ProcessError);
