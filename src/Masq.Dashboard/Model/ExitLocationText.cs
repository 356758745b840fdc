using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Model;

/// <summary>Exit-location preferences as <c>masq exit-location --country-codes</c> writes them: groups split by
/// <c>|</c> (group i has priority i+1), countries within a group joined by <c>,</c>.</summary>
public static class ExitLocationText
{
    public static bool TryParse(string text, out IReadOnlyList<UiCountryGroup> groups, out string? error)
    {
        groups = [];
        error = null;
        var result = new List<UiCountryGroup>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var parts = text.Split('|');
        for (var i = 0; i < parts.Length; i++)
        {
            var codes = parts[i].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (codes.Length == 0)
            {
                error = $"Priority group {i + 1} is empty.";
                return false;
            }
            foreach (var code in codes)
            {
                if (code.Length != 2 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiLetter(code[1]))
                {
                    error = $"'{code}' is not a two-letter ISO 3166 country code.";
                    return false;
                }
            }
            result.Add(new UiCountryGroup(codes.Select(c => c.ToUpperInvariant()).ToArray(), i + 1));
        }
        groups = result;
        return true;
    }

    public static string Format(IEnumerable<UiCountryGroup> groups) =>
        string.Join('|', groups.OrderBy(g => g.Priority).Select(g => string.Join(',', g.CountryCodes)));
}
