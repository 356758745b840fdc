namespace Masq.Lib.Ui.Messages;

public sealed record UiFinancialStatistics(
    ulong TotalUnpaidAndPendingPayableGwei,
    ulong TotalPaidPayableGwei,
    long TotalUnpaidReceivableGwei,
    ulong TotalPaidReceivableGwei);
