using System.Collections.Concurrent;
using Masq.Node.Accounting;

namespace Masq.Tests.Shared;

/// <summary>
/// Keeps every report the data path makes, in order and up to a bound, so tests can check the sizes of spec §2.6,
/// then hands each to the Node's real Accountant.
/// </summary>
internal sealed class RecordingAccountant(IAccountant accountant) : IAccountant
{
    private const int MaxKept = 50_000;

    private readonly ConcurrentQueue<AccountingReport> _reports = new();
    private long _count;

    /// <summary>Reports received so far, including those no longer kept.</summary>
    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyList<AccountingReport> Reports => [.. _reports];

    public ValueTask ReportAsync(AccountingReport report, CancellationToken cancellationToken = default)
    {
        _reports.Enqueue(report);
        if (Interlocked.Increment(ref _count) > MaxKept)
        {
            _reports.TryDequeue(out _);
        }

        return accountant.ReportAsync(report, cancellationToken);
    }
}
