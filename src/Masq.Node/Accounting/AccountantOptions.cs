namespace Masq.Node.Accounting;

/// <summary>How the Accountant batches its database writes.</summary>
internal sealed record AccountantOptions
{
    /// <summary>
    /// Charges are written at most this long after they are reported. A UI financials request writes first, so the
    /// UI never sees stale numbers; each write costs CPU the data path needs (100 ms cost a 3-hop mesh about 40%).
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A batch is written at once when it holds this many reports.</summary>
    public int MaxReportsPerBatch { get; init; } = 4096;

    /// <summary>False only to measure the data path without the Accountant's database writes (benchmarks).</summary>
    public bool WriteCharges { get; init; } = true;
}
