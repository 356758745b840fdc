namespace Masq.Dashboard.State;

/// <summary>Caps of the store's ring buffers, so the dashboard's memory stays flat however long it runs.</summary>
public sealed class StoreLimits
{
    public int MaxLogEntries { get; set; } = 5_000;

    /// <summary>Accounting samples kept for the chart (one per financials poll).</summary>
    public int MaxFinancialSamples { get; set; } = 3_600;

    public int MaxTrafficSamples { get; set; } = 3_600;

    public int MaxNotices { get; set; } = 50;
}
