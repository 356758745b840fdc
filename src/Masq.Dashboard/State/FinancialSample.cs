namespace Masq.Dashboard.State;

/// <summary>One point of the accounting time series: the Node's financial totals (gwei) at a moment.</summary>
public sealed record FinancialSample(
    DateTimeOffset At,
    ulong UnpaidAndPendingPayableGwei,
    ulong PaidPayableGwei,
    long UnpaidReceivableGwei,
    ulong PaidReceivableGwei);
