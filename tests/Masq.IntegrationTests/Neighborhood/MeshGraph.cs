using System.Text.RegularExpressions;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// A Node's <c>neighborhoodGraph</c> answer read back from its DOT text: one node per record (the root drawn
/// <c>style=filled</c>, ragged-edge keys drawn <c>style=dashed</c>) and one edge per half link, so a full link is two
/// edges, one each way.
/// </summary>
internal sealed partial class MeshGraph
{
    private readonly Dictionary<string, string> _attributes;
    private readonly HashSet<(string From, string To)> _edges;

    private MeshGraph(string dot, Dictionary<string, string> attributes, HashSet<(string From, string To)> edges)
    {
        Dot = dot;
        _attributes = attributes;
        _edges = edges;
    }

    public string Dot { get; }

    /// <summary>The ids of the nodes the database holds records of (ragged-edge keys left out).</summary>
    public IReadOnlyList<string> Records => [.. _attributes.Where(a => !a.Value.Contains("dashed", StringComparison.Ordinal)).Select(a => a.Key)];

    public string? Root => _attributes.Where(a => a.Value.Contains("filled", StringComparison.Ordinal)).Select(a => a.Key).FirstOrDefault();

    public IReadOnlyCollection<(string From, string To)> Edges => _edges;

    public static MeshGraph Parse(string dot)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var edges = new HashSet<(string, string)>();
        foreach (Match edge in EdgePattern().Matches(dot))
        {
            string from = Unescape(edge.Groups[1].Value);
            string to = Unescape(edge.Groups[2].Value);
            edges.Add((from, to));
            attributes.TryAdd(from, string.Empty);
            attributes.TryAdd(to, string.Empty);
        }

        foreach (Match node in NodePattern().Matches(dot))
        {
            attributes[Unescape(node.Groups[1].Value)] = node.Groups[2].Value;
        }

        return new MeshGraph(dot, attributes, edges);
    }

    /// <summary>Both records list each other.</summary>
    public IReadOnlyList<string> FullNeighborsOf(string id) =>
        [.. _edges.Where(e => e.From == id && _edges.Contains((e.To, id))).Select(e => e.To).Distinct()];

    public IReadOnlyList<string> HalfNeighborsOf(string id) => [.. _edges.Where(e => e.From == id).Select(e => e.To).Distinct()];

    /// <summary>
    /// The graph's id of <paramref name="member"/>: ids are keys in URL-safe base64 and a descriptor shows the first 32
    /// key bytes, so the first 40 characters (30 bytes) agree; failing that, a label naming the member's address.
    /// </summary>
    public string? IdOf(MeshMember member)
    {
        string key = member.Key;
        if (key.Length >= 40)
        {
            string prefix = Normalize(key[..40]);
            foreach (var id in _attributes.Keys)
            {
                if (Normalize(id).StartsWith(prefix, StringComparison.Ordinal))
                {
                    return id;
                }
            }
        }

        string address = $"{member.Ip}:{member.ClandestinePort}";
        return _attributes.Where(a => a.Value.Contains(address, StringComparison.Ordinal)).Select(a => a.Key).FirstOrDefault();
    }

    /// <summary>The member whose record <paramref name="id"/> is, if any.</summary>
    public static MeshMember? MemberOf(string id, IEnumerable<MeshMember> members) =>
        members.FirstOrDefault(m => m.Key.Length >= 40 && Normalize(id).StartsWith(Normalize(m.Key[..40]), StringComparison.Ordinal));

    public override string ToString() => Dot;

    private static string Normalize(string base64) => base64.Replace('+', '-').Replace('/', '_');

    private static string Unescape(string quoted) => quoted.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""\s*->\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex EdgePattern();

    [GeneratedRegex(@"^\s*""((?:[^""\\]|\\.)*)""\s*\[(.*)\]\s*;?\s*$", RegexOptions.Multiline)]
    private static partial Regex NodePattern();
}
