using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Masq.Lib.Configuration;

/// <summary>The <c>a|b|c</c> form shared by rate-pack, payment-thresholds and scan-intervals.</summary>
internal static class PipeSeparatedNumbers
{
    public static bool TryParse(string? text, IReadOnlyList<string> fieldNames, [NotNullWhen(true)] out ulong[]? values, [NotNullWhen(false)] out string? error)
    {
        values = null;
        var pieces = (text ?? string.Empty).Split('|');
        var shape = string.Join('|', fieldNames);
        if (pieces.Length != fieldNames.Count)
        {
            error = $"Invalid value '{text}': must be {fieldNames.Count} whole numbers separated by '|' ({shape}), not {pieces.Length}";
            return false;
        }

        var parsed = new ulong[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!ulong.TryParse(pieces[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
            {
                error = $"Invalid value '{text}': {fieldNames[i]} '{pieces[i]}' must be a whole number from 0 to {ulong.MaxValue}";
                return false;
            }
        }

        values = parsed;
        error = null;
        return true;
    }
}
