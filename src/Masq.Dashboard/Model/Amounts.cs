using System.Globalization;

namespace Masq.Dashboard.Model;

/// <summary>Formats amounts as <c>masq financials</c> does: MASQ with commas and two decimals, truncated; gwei with commas.</summary>
public static class Amounts
{
    public const decimal GweiPerMasq = 1_000_000_000m;

    public static string Masq(long gwei) => Masq((decimal)gwei);

    public static string Masq(ulong gwei) => Masq((decimal)gwei);

    public static string Gwei(long gwei) => gwei.ToString("N0", CultureInfo.InvariantCulture);

    public static string Gwei(ulong gwei) => gwei.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        return unit == 0
            ? bytes.ToString("0", CultureInfo.InvariantCulture) + " B"
            : bytes.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A duration in seconds as "2 d 3 h", "5 h 12 min", "3 min 4 s" or "12 s".</summary>
    public static string Age(ulong seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Min(seconds, (ulong)TimeSpan.MaxValue.TotalSeconds - 1));
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h"
            : span.TotalHours >= 1 ? $"{span.Hours} h {span.Minutes} min"
            : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds} s"
            : $"{span.Seconds} s";
    }

    public static string Masq(decimal gwei)
    {
        var masq = gwei / GweiPerMasq;
        if (masq > 0 && masq < 0.01m)
        {
            return "< 0.01";
        }
        if (masq < 0 && masq > -0.01m)
        {
            return "-0.01 < x < 0";
        }
        var truncated = decimal.Truncate(masq * 100) / 100;
        return truncated.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
