namespace Masq.Dashboard.Model.Graph;

/// <summary>
/// A neighborhood-graph node label, <c>"&lt;A|a&gt;&lt;R|r&gt; v&lt;ver&gt; &lt;CC&gt;\n&lt;key[0..8]&gt;\n&lt;ip:ports&gt;"</c>:
/// accepts connections (A) or not (a), routes data (R) or not (r), version, country (ZZ = unknown), short key, address.
/// Labels of another shape keep their lines as text.
/// </summary>
public sealed record NodeLabel(
    bool? AcceptsConnections,
    bool? RoutesData,
    string? Version,
    string? Country,
    string? ShortKey,
    string? Address,
    IReadOnlyList<string> Lines)
{
    public static NodeLabel Parse(string? label, string id)
    {
        var lines = (label ?? string.Empty)
            .Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\\l", "\n", StringComparison.Ordinal)
            .Replace("\\r", "\n", StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.Length > 0)
            .ToArray();
        if (lines.Length == 0)
        {
            return new NodeLabel(null, null, null, null, Short(id), null, [Short(id)]);
        }
        var words = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0].Length != 2 || words[0][0] is not ('A' or 'a') || words[0][1] is not ('R' or 'r'))
        {
            return new NodeLabel(null, null, null, null, Short(id), null, lines);
        }
        string? version = null;
        string? country = null;
        foreach (var word in words.Skip(1))
        {
            if (word.Length > 1 && word[0] == 'v' && version is null)
            {
                version = word[1..];
            }
            else if (word.Length == 2 && char.IsAsciiLetterUpper(word[0]) && char.IsAsciiLetterUpper(word[1]))
            {
                country = word;
            }
        }
        return new NodeLabel(
            words[0][0] == 'A',
            words[0][1] == 'R',
            version,
            country,
            lines.Length > 1 ? lines[1] : Short(id),
            lines.Length > 2 && lines[2] != ":" ? lines[2] : null,
            lines);
    }

    public string FlagsText => AcceptsConnections is { } a && RoutesData is { } r
        ? $"{(a ? "A" : "a")}{(r ? "R" : "r")}"
        : string.Empty;

    private static string Short(string id) => id.Length > 8 ? id[..8] : id;
}
