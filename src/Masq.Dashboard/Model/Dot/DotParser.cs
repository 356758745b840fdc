namespace Masq.Dashboard.Model.Dot;

/// <summary>
/// Parses the Graphviz DOT the Node sends as its neighborhood graph (<c>digraph db { "k" [label="…"] [style=filled];
/// "a" -> "b"; }</c>) and the rest of the common language: <c>strict</c>, <c>graph</c>/<c>digraph</c>, node, edge
/// (chains, <c>--</c>), attribute and <c>a=b</c> statements, several attribute lists, ports, subgraphs, comments.
/// Input from the Node is untrusted: the parser never throws, it returns an error instead.
/// </summary>
public static class DotParser
{
    /// <summary>Texts above this size are refused rather than laid out.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    private const int MaxDepth = 32;

    public static DotParseResult Parse(string? text)
    {
        if (text is null)
        {
            return new DotParseResult(null, "No graph text.");
        }
        if (text.Length > MaxLength)
        {
            return new DotParseResult(null, $"The graph is too large ({text.Length} characters).");
        }
        try
        {
            var tokens = new DotTokenizer(text).Tokenize();
            return new DotParseResult(new Reader(tokens).ReadGraph(), null);
        }
        catch (DotSyntaxException e)
        {
            return new DotParseResult(null, e.Message);
        }
    }

    private sealed class Reader(List<DotToken> tokens)
    {
        private readonly Dictionary<string, Dictionary<string, string>> _nodes = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private readonly List<DotEdge> _edges = [];
        private int _index;
        private int _depth;

        private DotToken Current => tokens[_index];

        public DotGraph ReadGraph()
        {
            if (Current.IsKeyword("strict"))
            {
                _index++;
            }
            bool directed;
            if (Current.IsKeyword("digraph"))
            {
                directed = true;
            }
            else if (Current.IsKeyword("graph"))
            {
                directed = false;
            }
            else
            {
                throw Error("Expected 'digraph' or 'graph'");
            }
            _index++;
            string? name = null;
            if (Current.IsId)
            {
                name = Current.Text;
                _index++;
            }
            Expect(DotTokenKind.LeftBrace);
            ReadStatements();
            Expect(DotTokenKind.RightBrace);
            if (Current.Kind != DotTokenKind.End)
            {
                throw Error("Unexpected text after the graph");
            }
            var nodes = _order.Select(id => new DotNode(id, _nodes[id])).ToArray();
            return new DotGraph(directed, name, nodes, _edges.ToArray());
        }

        /// <summary>Reads statements up to (not including) the closing brace; returns the node IDs they mention.</summary>
        private List<string> ReadStatements()
        {
            if (++_depth > MaxDepth)
            {
                throw Error("Subgraphs are nested too deeply");
            }
            var mentioned = new List<string>();
            while (Current.Kind is not (DotTokenKind.RightBrace or DotTokenKind.End))
            {
                if (Current.Kind == DotTokenKind.Semicolon)
                {
                    _index++;
                    continue;
                }
                ReadStatement(mentioned);
                if (Current.Kind is DotTokenKind.Semicolon or DotTokenKind.Comma)
                {
                    _index++;
                }
            }
            _depth--;
            return mentioned;
        }

        private void ReadStatement(List<string> mentioned)
        {
            if (Current.IsKeyword("node") || Current.IsKeyword("edge") || (Current.IsKeyword("graph") && Peek(1).Kind == DotTokenKind.LeftBracket))
            {
                // Defaults for later statements; the picture does not use them.
                _index++;
                ReadAttributeLists();
                return;
            }
            if (Current.IsId && Peek(1).Kind == DotTokenKind.Equals)
            {
                // ID '=' ID: a graph attribute.
                _index += 2;
                ExpectId();
                return;
            }
            var left = ReadEndpoint(mentioned);
            if (Current.Kind != DotTokenKind.EdgeOp)
            {
                var attributes = ReadAttributeLists();
                if (!left.IsSubgraph)
                {
                    foreach (var (key, value) in attributes)
                    {
                        _nodes[left.Ids[0]][key] = value;
                    }
                }
                return;
            }
            var chain = new List<Endpoint> { left };
            while (Current.Kind == DotTokenKind.EdgeOp)
            {
                _index++;
                chain.Add(ReadEndpoint(mentioned));
            }
            var edgeAttributes = ReadAttributeLists();
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                foreach (var from in chain[i].Ids)
                {
                    foreach (var to in chain[i + 1].Ids)
                    {
                        _edges.Add(new DotEdge(from, to, edgeAttributes));
                    }
                }
            }
        }

        private Endpoint ReadEndpoint(List<string> mentioned)
        {
            if (Current.IsKeyword("subgraph") || Current.Kind == DotTokenKind.LeftBrace)
            {
                if (Current.IsKeyword("subgraph"))
                {
                    _index++;
                    if (Current.IsId)
                    {
                        _index++;
                    }
                }
                Expect(DotTokenKind.LeftBrace);
                var inner = ReadStatements();
                Expect(DotTokenKind.RightBrace);
                mentioned.AddRange(inner);
                return new Endpoint(inner.Distinct(StringComparer.Ordinal).ToArray(), true);
            }
            var id = ExpectId();
            if (Current.Kind == DotTokenKind.Colon)
            {
                // A port (and compass point) names a spot on the node; the node is what matters here.
                _index++;
                ExpectId();
                if (Current.Kind == DotTokenKind.Colon)
                {
                    _index++;
                    ExpectId();
                }
            }
            if (!_nodes.ContainsKey(id))
            {
                _nodes[id] = new Dictionary<string, string>(StringComparer.Ordinal);
                _order.Add(id);
            }
            mentioned.Add(id);
            return new Endpoint([id], false);
        }

        private Dictionary<string, string> ReadAttributeLists()
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (Current.Kind == DotTokenKind.LeftBracket)
            {
                _index++;
                while (Current.Kind != DotTokenKind.RightBracket)
                {
                    var key = ExpectId();
                    var value = "true";
                    if (Current.Kind == DotTokenKind.Equals)
                    {
                        _index++;
                        value = ExpectId();
                    }
                    attributes[key] = value;
                    if (Current.Kind is DotTokenKind.Comma or DotTokenKind.Semicolon)
                    {
                        _index++;
                    }
                }
                _index++;
            }
            return attributes;
        }

        private string ExpectId()
        {
            if (!Current.IsId)
            {
                throw Error("Expected a name or a quoted string");
            }
            var text = Current.Text;
            _index++;
            return text;
        }

        private void Expect(DotTokenKind kind)
        {
            if (Current.Kind != kind)
            {
                throw Error($"Expected {kind}");
            }
            _index++;
        }

        private DotToken Peek(int offset) => tokens[Math.Min(_index + offset, tokens.Count - 1)];

        private DotSyntaxException Error(string message) =>
            new(Current.Kind == DotTokenKind.End
                ? $"{message}, but the text ended"
                : $"{message} at {Current.Position}, found '{Truncate(Current.Text)}'");

        private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;

        private sealed record Endpoint(IReadOnlyList<string> Ids, bool IsSubgraph);
    }
}
