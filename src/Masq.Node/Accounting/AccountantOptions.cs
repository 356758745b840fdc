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

    /// <summary>
    /// For the accounting-overhead benchmark only: while a file exists at this path, charges are computed but not
    /// stored, so one mesh can be measured with and without the writes, round by round, over the same route.
    /// </summary>
    public string? WritesOffWhileExists { get; init; }

    /// <summary>
    /// The environment variable the accounting-overhead benchmark (<c>scripts/bench-accounting.sh</c>) sets on the Nodes
    /// it measures. The Node host reads it at start-up; it is not a setup parameter because no user should turn the
    /// Accountant's writes off.
    /// </summary>
    public const string BenchmarkSwitch = "MASQ_BENCHMARK_ACCOUNTING_WRITES";

    /// <summary>
    /// The options <c>MASQ_BENCHMARK_ACCOUNTING_WRITES</c> asks for: <c>off</c> (never write) or
    /// <c>off-while:PATH</c> (see <see cref="WritesOffWhileExists"/>); anything else, or unset, is the product's
    /// behavior.
    /// </summary>
    public static AccountantOptions FromBenchmarkSwitch(string? value)
    {
        const string WhilePrefix = "off-while:";
        if (string.Equals(value, "off", StringComparison.OrdinalIgnoreCase))
        {
            return new AccountantOptions { WriteCharges = false };
        }

        return value is not null && value.StartsWith(WhilePrefix, StringComparison.OrdinalIgnoreCase) && value.Length > WhilePrefix.Length
            ? new AccountantOptions { WritesOffWhileExists = value[WhilePrefix.Length..] }
            : new AccountantOptions();
    }

    /// <summary>Whether the batch now due is to be stored.</summary>
    public bool WritesNow() => WriteCharges && (WritesOffWhileExists is null || !File.Exists(WritesOffWhileExists));
}
