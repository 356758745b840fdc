using System.Globalization;
using System.Numerics;

namespace Masq.Cli.Output;

/// <summary>Amounts of gwei shown as MASQ or as gwei, the way <c>financials</c> prints them.</summary>
internal static class MasqAmountFormatter
{
    public const long GweiPerMasq = 1_000_000_000;

    private const long GweiPerHundredth = 10_000_000;

    /// <summary>
    /// MASQ with thousands commas and two decimals, truncated (not rounded): <c>987654321987654</c> gwei →
    /// <c>987,654.32</c>. Amounts below a hundredth show <c>&lt; 0.01</c> or <c>-0.01 &lt; x &lt; 0</c>.
    /// </summary>
    /// <remarks>Zero shows <c>0.00</c>; the reference shows <c>&lt; 0.01</c> for it, which reads as "not nothing".</remarks>
    public static string ToMasq(BigInteger gwei)
    {
        if (gwei.IsZero)
        {
            return "0.00";
        }
        var magnitude = BigInteger.Abs(gwei);
        var whole = magnitude / GweiPerMasq;
        var hundredths = (int)(magnitude % GweiPerMasq / GweiPerHundredth);
        if (whole.IsZero && hundredths == 0)
        {
            return gwei.Sign > 0 ? "< 0.01" : "-0.01 < x < 0";
        }
        var sign = gwei.Sign < 0 ? "-" : string.Empty;
        return sign + NumberFormat.WithCommas(whole) + "." + hundredths.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Gwei with thousands commas.</summary>
    public static string ToGwei(BigInteger gwei) => NumberFormat.WithCommas(gwei);

    public static string Format(BigInteger gwei, bool asGwei) => asGwei ? ToGwei(gwei) : ToMasq(gwei);
}
