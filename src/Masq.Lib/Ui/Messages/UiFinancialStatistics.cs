namespace Masq.Lib.Ui.Messages;

/// <summary>The money totals; the <c>…WeiOpt</c> fields are a Masq extension carrying the exact amounts as decimal strings.</summary>
public sealed record UiFinancialStatistics(
    ulong TotalUnpaidAndPendingPayableGwei,
    ulong TotalPaidPayableGwei,
    long TotalUnpaidReceivableGwei,
    ulong TotalPaidReceivableGwei,
    string? TotalUnpaidAndPendingPayableWeiOpt = null,
    string? TotalPaidPayableWeiOpt = null,
    string? TotalUnpaidReceivableWeiOpt = null,
    string? TotalPaidReceivableWeiOpt = null);
