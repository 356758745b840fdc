using System.Globalization;
using System.Numerics;

namespace Masq.Cli.Commands;

/// <summary>
/// Parses the <c>--payable</c>/<c>--receivable</c> ranges of <c>financials</c>: <c>minAge-maxAge|minMASQ[-maxMASQ]</c>,
/// ages in seconds, amounts in MASQ with at most nine decimals (gwei precision), each range low to high. Untrusted
/// input: it never throws, every problem comes back as a message.
/// </summary>
internal static class FinancialsRangeParser
{
    /// <summary>All MASQ there will ever be; a larger amount is a typing error.</summary>
    public const long MasqTotalSupply = 37_500_000;

    private const int GweiDecimals = 9;

    public static bool TryParse(string text, out FinancialsRange? range, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        range = null;
        var halves = text.Split('|');
        if (halves.Length != 2)
        {
            error = $"Vertical delimiter | should be used between age and balance ranges and only there. Example: '1234-2345|3456-4567', not '{text}'";
            return false;
        }
        var ages = halves[0].Split('-');
        if (ages.Length != 2)
        {
            error = $"Age range '{halves[0]}' is formatted wrong";
            return false;
        }
        if (!TryParseAge(ages[0], out var minAge, out error) || !TryParseAge(ages[1], out var maxAge, out error))
        {
            return false;
        }
        if (minAge >= maxAge)
        {
            error = $"Both ranges '{text}' must be low to high";
            return false;
        }
        if (!TrySplitAmounts(halves[1], out var minText, out var maxText, out error)
            || !TryParseMasq(minText, out var minGwei, out error))
        {
            return false;
        }
        var maxGwei = long.MaxValue;
        if (maxText is not null && !TryParseMasq(maxText, out maxGwei, out error))
        {
            return false;
        }
        if (minGwei >= maxGwei)
        {
            error = $"Both ranges '{text}' must be low to high";
            return false;
        }
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{minAge}-{maxAge} sec {Tidy(minText)}-{(maxText is null ? "UNLIMITED" : Tidy(maxText))} MASQ");
        range = new FinancialsRange(minAge, maxAge, minGwei, maxGwei, description);
        error = string.Empty;
        return true;
    }

    private static bool TryParseAge(string text, out ulong age, out string error)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit)
            && ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out age))
        {
            error = string.Empty;
            return true;
        }
        age = 0;
        error = $"Age '{text}' is not a whole number of seconds";
        return false;
    }

    /// <summary>Splits <c>A-B</c> or <c>A</c>, where each amount may be negative: <c>-050--040</c>.</summary>
    private static bool TrySplitAmounts(string text, out string min, out string? max, out string error)
    {
        min = string.Empty;
        max = null;
        var position = 0;
        if (!TryScanNumber(text, ref position, out min, out error))
        {
            return false;
        }
        SkipSpaces(text, ref position);
        if (position < text.Length)
        {
            if (text[position] != '-')
            {
                error = $"Balance range '{text}' in improper format";
                return false;
            }
            position++;
            SkipSpaces(text, ref position);
            if (!TryScanNumber(text, ref position, out var second, out error))
            {
                return false;
            }
            SkipSpaces(text, ref position);
            if (position < text.Length)
            {
                error = $"Balance range '{text}' in improper format";
                return false;
            }
            max = second;
        }
        error = string.Empty;
        return true;

        static void SkipSpaces(string s, ref int i)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }
        }

        bool TryScanNumber(string s, ref int i, out string number, out string problem)
        {
            SkipSpaces(s, ref i);
            var start = i;
            if (i < s.Length && s[i] == '-')
            {
                i++;
            }
            var digitsStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            if (i == digitsStart)
            {
                number = string.Empty;
                problem = $"Balance range '{s}' in improper format";
                return false;
            }
            if (i < s.Length && s[i] == '.')
            {
                i++;
                var fractionStart = i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
                if (i == fractionStart)
                {
                    number = s[start..i];
                    problem = $"Ending dot at decimal number, like here '{number}', is unsupported";
                    return false;
                }
            }
            number = s[start..i];
            problem = string.Empty;
            return true;
        }
    }

    /// <summary>A decimal MASQ amount (already checked for shape) in gwei.</summary>
    private static bool TryParseMasq(string text, out long gwei, out string error)
    {
        gwei = 0;
        var negative = text.StartsWith('-');
        var unsigned = negative ? text[1..] : text;
        var dot = unsigned.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? unsigned : unsigned[..dot];
        var fraction = dot < 0 ? string.Empty : unsigned[(dot + 1)..];
        if (fraction.Length > GweiDecimals)
        {
            error = $"Value '{text}' exceeds the limit of maximally nine decimal digits (only gwei supported)";
            return false;
        }
        var magnitude = BigInteger.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * BigInteger.Pow(10, GweiDecimals)
            + (fraction.Length == 0 ? BigInteger.Zero : BigInteger.Parse(fraction.PadRight(GweiDecimals, '0'), NumberStyles.None, CultureInfo.InvariantCulture));
        if (magnitude > new BigInteger(MasqTotalSupply) * BigInteger.Pow(10, GweiDecimals))
        {
            error = $"Amount bigger than the MASQ total supply: {text}, total supply: {MasqTotalSupply}";
            return false;
        }
        gwei = (long)(negative ? -magnitude : magnitude);
        error = string.Empty;
        return true;
    }

    /// <summary><c>005.500</c> → <c>5.5</c>, <c>9.000000000</c> → <c>9</c>, <c>-0</c> → <c>0</c>.</summary>
    private static string Tidy(string number)
    {
        var negative = number.StartsWith('-');
        var unsigned = negative ? number[1..] : number;
        var dot = unsigned.IndexOf('.', StringComparison.Ordinal);
        var whole = (dot < 0 ? unsigned : unsigned[..dot]).TrimStart('0');
        var fraction = dot < 0 ? string.Empty : unsigned[(dot + 1)..].TrimEnd('0');
        if (whole.Length == 0)
        {
            whole = "0";
        }
        var tidy = fraction.Length == 0 ? whole : whole + "." + fraction;
        return negative && tidy != "0" ? "-" + tidy : tidy;
    }
}
