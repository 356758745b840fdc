using System.Collections.Concurrent;

namespace Masq.Node.Accounting;

/// <summary>
/// The Accountant the data path uses when no real one is composed in (a Node built before the money subsystem, and
/// the data-path tests): it keeps every report in order, up to a bound, so the sizes of spec §2.6 can be checked.
/// It records; it does not charge anybody.
/// </summary>
internal sealed class RecordingAccountant : IAccountant
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

        return ValueTask.CompletedTask;
    }
}
