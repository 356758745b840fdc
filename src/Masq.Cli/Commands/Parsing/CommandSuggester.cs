namespace Masq.Cli.Commands.Parsing;

/// <summary>The command a mistyped word was probably meant to be, by edit distance (a swap of two neighboring
/// letters counts as one edit).</summary>
internal static class CommandSuggester
{
    /// <summary>Words too long to be a mistyped command are not compared (the work is quadratic in the length).</summary>
    private const int MaxWordLength = 64;

    /// <summary>The closest of <paramref name="candidates"/>, when it is close enough to be a typo: at most one edit
    /// per three letters (and at least one); ties go to the earlier candidate.</summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(candidates);
        if (word.Length == 0 || word.Length > MaxWordLength)
        {
            return null;
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var allowed = Math.Max(1, Math.Max(word.Length, candidate.Length) / 3);
            var distance = Distance(word.ToLowerInvariant(), candidate);
            if (distance > 0 && distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }
                d[i, j] = value;
            }
        }
        return d[a.Length, b.Length];
    }
}
