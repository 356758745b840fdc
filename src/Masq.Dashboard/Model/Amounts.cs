using System.Globalization;

namespace Masq.Dashboard.Model;

/// <summary>
/// Formats amounts as <c>masq financials</c> does: MASQ with commas and two decimals, truncated; gwei with commas; and
/// amounts and rates of bytes in binary units, the same on every page and chart.
/// </summary>
public static class Amounts
{
    public const decimal GweiPerMasq = 1_000_000_000m;

    public static string Masq(long gwei) => Masq((decimal)gwei);

    public static string Masq(ulong gwei) => Masq((decimal)gwei);

    public static string Gwei(long gwei) => gwei.ToString("N0", CultureInfo.InvariantCulture);

    public static string Gwei(ulong gwei) => gwei.ToString("N0", CultureInfo.InvariantCulture);

    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>
    /// The binary unit every amount of bytes on every page is written in: the largest of B, KiB, MiB, GiB and TiB that
    /// <paramref name="bytes"/> reaches (1 KiB = 1024 B), and how many bytes one of it is.
    /// </summary>
    public static (string Unit, double BytesPerUnit) BinaryUnit(double bytes)
    {
        var unit = 0;
        var perUnit = 1.0;
        while (Math.Abs(bytes) >= perUnit * 1024 && unit < BinaryUnits.Length - 1)
        {
            perUnit *= 1024;
            unit++;
        }
        return (BinaryUnits[unit], perUnit);
    }

    /// <summary>An amount of bytes in its <see cref="BinaryUnit"/>: "512 B", "1.5 KiB", "3.2 MiB".</summary>
    public static string Bytes(double bytes)
    {
        var (unit, perUnit) = BinaryUnit(bytes);
        var value = bytes / perUnit;
        return perUnit == 1
            ? value.ToString("0", CultureInfo.InvariantCulture) + " B"
            : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>A rate of bytes per second, written as <see cref="Bytes"/> with "/s": "3.2 MiB/s".</summary>
    public static string ByteRate(double bytesPerSecond) => Bytes(bytesPerSecond) + "/s";

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
