namespace Masq.Node.Accounting;

/// <summary>
/// Where the data path sends its service reports. Reporting never blocks a stream for long and never loses a
/// report: the Accountant queues them and records them in order.
/// </summary>
internal interface IAccountant
{
    ValueTask ReportAsync(AccountingReport report, CancellationToken cancellationToken = default);
}
