using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Masq.Lib.Configuration;

/// <summary>
/// How often the automatic scans run, in seconds. Text form <c>pendingPayable|payable|receivable</c>.
/// </summary>
public sealed record ScanIntervals(ulong PendingPayableSec, ulong PayableSec, ulong ReceivableSec)
{
    /// <summary>
    /// The longest period a .NET timer accepts (2^32 − 2 ms, about 49.7 days), rounded down to seconds; zero would make
    /// a scan loop that never sleeps.
    /// </summary>
    public const ulong MaxIntervalSec = 4_294_967;

    private static readonly string[] FieldNames = ["pendingPayableSec", "payableSec", "receivableSec"];

    public static ScanIntervals Default { get; } = new(600, 600, 600);

    public TimeSpan PendingPayable => TimeSpan.FromSeconds(PendingPayableSec);

    public TimeSpan Payable => TimeSpan.FromSeconds(PayableSec);

    public TimeSpan Receivable => TimeSpan.FromSeconds(ReceivableSec);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ScanIntervals? intervals, [NotNullWhen(false)] out string? error)
    {
        intervals = null;
        if (!PipeSeparatedNumbers.TryParse(text, FieldNames, out var v, out error))
        {
            return false;
        }

        for (var i = 0; i < v.Length; i++)
        {
            if (v[i] is 0 or > MaxIntervalSec)
            {
                error = string.Create(CultureInfo.InvariantCulture,
                    $"Invalid value '{text}': {FieldNames[i]} ({v[i]}) must be from 1 to {MaxIntervalSec} seconds");
                return false;
            }
        }

        intervals = new ScanIntervals(v[0], v[1], v[2]);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PendingPayableSec}|{PayableSec}|{ReceivableSec}");
}
