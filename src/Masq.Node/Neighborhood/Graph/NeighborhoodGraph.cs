using System.Text;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;

namespace Masq.Node.Neighborhood.Graph;

/// <summary>
/// The <c>neighborhoodGraph</c> UI answer (neighborhood.md §6): the database as a Graphviz DOT digraph.
/// <list type="bullet">
/// <item>One node per record, its id the whole key in URL-safe base64, labelled <c>AR v&lt;version&gt; &lt;CC&gt;</c>
/// (A = accepts connections, R = routes data, lower case when false; <c>ZZ</c> when no country is declared), then the
/// first 8 key characters (as a descriptor shows them) and, when known, the address <c>ip:port/port</c>, one per line.</item>
/// <item>The root is drawn <c>style=filled</c>.</item>
/// <item>One edge per <em>half</em> link, from the Node whose record lists the neighbor: a full link therefore appears as
/// two edges, one each way, as in the reference Node.</item>
/// <item>Keys listed as neighbors but absent from the database (the ragged edge) are drawn as
/// <c>shape=box, style=dashed</c> nodes labelled only with their 8 key characters.</item>
/// </list>
/// Nodes are listed in ascending key-byte order, so the output is deterministic. Every quoted string is escaped.
/// </summary>
internal static class NeighborhoodGraph
{
    /// <summary>Key characters shown in a label.</summary>
    public const int KeyPrefixLength = 8;

    public static string ToDot(NeighborhoodDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = db.Records.ToArray();
        Array.Sort(records, static (a, b) => a.Key.Span.SequenceCompareTo(b.Key.Span));
        var unknown = new SortedDictionary<string, PublicKey>(StringComparer.Ordinal);
        var text = new StringBuilder("digraph db {\n");
        foreach (var record in records)
        {
            string id = record.Key.ToString();
            var label = new StringBuilder();
            label.Append(record.AcceptsConnections ? 'A' : 'a')
                .Append(record.RoutesData ? 'R' : 'r')
                .Append(" v").Append(record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(' ').Append(Escape(record.CountryCode ?? "ZZ"))
                .Append("\\n").Append(Escape(Prefix(id)));
            if (record.Address is { } address)
            {
                label.Append("\\n").Append(Escape(address.ToString()));
            }

            text.Append("  \"").Append(Escape(id)).Append("\" [label=\"").Append(label).Append('"');
            if (record.Key.Equals(db.RootKey))
            {
                text.Append(", style=filled");
            }

            text.Append("];\n");
            foreach (var neighbor in record.Inner.Neighbors)
            {
                if (!db.Contains(neighbor))
                {
                    unknown.TryAdd(neighbor.ToString(), neighbor);
                }
            }
        }

        foreach (var id in unknown.Keys)
        {
            text.Append("  \"").Append(Escape(id)).Append("\" [label=\"").Append(Escape(Prefix(id))).Append("\", shape=box, style=dashed];\n");
        }

        foreach (var record in records)
        {
            string from = Escape(record.Key.ToString());
            foreach (var neighbor in record.Inner.Neighbors)
            {
                text.Append("  \"").Append(from).Append("\" -> \"").Append(Escape(neighbor.ToString())).Append("\";\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    private static string Prefix(string key) => key.Length <= KeyPrefixLength ? key : key[..KeyPrefixLength];

    /// <summary>Makes <paramref name="value"/> safe inside a DOT double-quoted string (backslashes, quotes, line breaks).</summary>
    internal static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\"\r\n") < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\':
                    escaped.Append("\\\\");
                    break;
                case '"':
                    escaped.Append("\\\"");
                    break;
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
