namespace Masq.Node.Accounting;

/// <summary>A service event the Accountant turns into payable or receivable records (data-path.md §2.6).</summary>
internal abstract record AccountingReport;
