using System.Globalization;
using System.Numerics;

namespace Masq.Cli.Output;

internal static class NumberFormat
{
    /// <summary>An integer with thousands commas: <c>1234567</c> → <c>1,234,567</c>.</summary>
    public static string WithCommas(BigInteger value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string WithCommas(ulong value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string WithCommas(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
