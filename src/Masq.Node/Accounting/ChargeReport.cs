namespace Masq.Node.Accounting;

/// <summary>A service report from the data path, to be charged.</summary>
internal sealed record ChargeReport(AccountingReport Report) : AccountantMessage;
