using System.Globalization;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Model;

/// <summary>
/// Range queries as <c>masq financials -p/-r</c> takes them: <c>"minAge-maxAge|minMASQ-maxMASQ"</c>, ages in seconds,
/// amounts in MASQ with at most 9 decimals, low to high; a missing maximum means unlimited.
/// </summary>
public static class RangeQueryText
{
    public static bool TryParsePayable(string text, out UiRangeQuery<ulong> query, out string? error)
    {
        query = null!;
        if (!TryParse(text, allowNegative: false, out var minAge, out var maxAge, out var minGwei, out var maxGwei, out error))
        {
            return false;
        }
        query = new UiRangeQuery<ulong>(minAge, maxAge, (ulong)minGwei, (ulong)maxGwei);
        return true;
    }

    public static bool TryParseReceivable(string text, out UiRangeQuery<long> query, out string? error)
    {
        query = null!;
        if (!TryParse(text, allowNegative: true, out var minAge, out var maxAge, out var minGwei, out var maxGwei, out error))
        {
            return false;
        }
        query = new UiRangeQuery<long>(minAge, maxAge, minGwei, maxGwei);
        return true;
    }

    /// <summary>How <c>masq</c> titles the query, e.g. <c>0-350000 sec 0.005-9 MASQ</c>.</summary>
    public static string Describe(ulong minAge, ulong maxAge, long minGwei, long maxGwei) =>
        $"{minAge}-{(maxAge >= long.MaxValue ? "UNLIMITED" : maxAge.ToString(CultureInfo.InvariantCulture))} sec "
        + $"{Masq(minGwei)}-{(maxGwei == long.MaxValue ? "UNLIMITED" : Masq(maxGwei))} MASQ";

    private static string Masq(long gwei) => (gwei / Amounts.GweiPerMasq).ToString("0.#########", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, bool allowNegative, out ulong minAge, out ulong maxAge, out long minGwei, out long maxGwei, out string? error)
    {
        minAge = maxAge = 0;
        minGwei = maxGwei = 0;
        error = null;
        var parts = (text ?? string.Empty).Split('|');
        if (parts.Length != 2)
        {
            error = "Write the range as minAge-maxAge|minMASQ-maxMASQ, e.g. 0-350000|0.005-9.";
            return false;
        }
        if (!TrySplitRange(parts[0], out var minAgeText, out var maxAgeText)
            || !ulong.TryParse(minAgeText, NumberStyles.None, CultureInfo.InvariantCulture, out minAge))
        {
            error = $"'{parts[0].Trim()}' is not an age range in seconds, like 0-350000.";
            return false;
        }
        maxAge = long.MaxValue;
        if (maxAgeText.Length > 0 && !ulong.TryParse(maxAgeText, NumberStyles.None, CultureInfo.InvariantCulture, out maxAge))
        {
            error = $"'{maxAgeText}' is not a number of seconds.";
            return false;
        }
        if (!TrySplitRange(parts[1], out var minAmountText, out var maxAmountText) || !TryGwei(minAmountText, allowNegative, out minGwei, out error))
        {
            error ??= $"'{parts[1].Trim()}' is not an amount range in MASQ, like 0.005-9.";
            return false;
        }
        maxGwei = long.MaxValue;
        if (maxAmountText.Length > 0 && !TryGwei(maxAmountText, allowNegative, out maxGwei, out error))
        {
            return false;
        }
        if (minAge > maxAge || minGwei > maxGwei)
        {
            error = "Give each range from low to high.";
            return false;
        }
        return true;
    }

    /// <summary>Splits "a-b" (either may be negative, b may be missing) at the dash between them.</summary>
    private static bool TrySplitRange(string text, out string low, out string high)
    {
        low = high = string.Empty;
        var t = text.Trim();
        var start = t.StartsWith('-') ? 1 : 0;
        var dash = t.IndexOf('-', start);
        if (dash < 0)
        {
            return false;
        }
        low = t[..dash].Trim();
        high = t[(dash + 1)..].Trim();
        return low.Length > 0;
    }

    private static bool TryGwei(string masq, bool allowNegative, out long gwei, out string? error)
    {
        gwei = 0;
        error = null;
        var style = NumberStyles.AllowDecimalPoint | (allowNegative ? NumberStyles.AllowLeadingSign : NumberStyles.None);
        if (!decimal.TryParse(masq, style, CultureInfo.InvariantCulture, out var value))
        {
            error = $"'{masq}' is not an amount in MASQ{(allowNegative ? string.Empty : " (negative amounts are not allowed here)")}.";
            return false;
        }
        var dot = masq.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && masq.Length - dot - 1 > 9)
        {
            error = $"'{masq}' has more than 9 decimals.";
            return false;
        }
        if (Math.Abs(value) > long.MaxValue / Amounts.GweiPerMasq)
        {
            error = $"'{masq}' is too large.";
            return false;
        }
        gwei = (long)(value * Amounts.GweiPerMasq);
        return true;
    }
}
