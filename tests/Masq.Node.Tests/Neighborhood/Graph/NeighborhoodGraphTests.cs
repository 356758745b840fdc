using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Graph;
using Masq.Node.Tests.Neighborhood.Routes;

namespace Masq.Node.Tests.Neighborhood.Graph;

public sealed partial class NeighborhoodGraphTests
{
    [Fact]
    public void Draws_every_record_with_flags_version_country_key_and_address()
    {
        var mesh = Sample();
        var db = mesh.Build();

        var graph = Parse(NeighborhoodGraph.ToDot(db));

        string root = mesh.Key("root").ToString();
        string a = mesh.Key("a").ToString();
        string b = mesh.Key("b").ToString();
        Assert.Equal($"AR v0 FR\\n{root[..8]}\\n1.2.3.4:5000/5001", graph.Nodes[root]["label"]);
        Assert.Equal("filled", graph.Nodes[root]["style"]);
        Assert.Equal($"ar v0 ZZ\\n{a[..8]}", graph.Nodes[a]["label"]);
        Assert.False(graph.Nodes[a].ContainsKey("style"));
        Assert.Equal($"Ar v0 DE\\n{b[..8]}", graph.Nodes[b]["label"]);
    }

    [Fact]
    public void Draws_one_edge_per_half_link_so_full_links_go_both_ways()
    {
        var mesh = Sample();

        var graph = Parse(NeighborhoodGraph.ToDot(mesh.Build()));

        string root = mesh.Key("root").ToString();
        string a = mesh.Key("a").ToString();
        string b = mesh.Key("b").ToString();
        Assert.Contains((root, a), graph.Edges);
        Assert.Contains((a, root), graph.Edges);
        Assert.Contains((a, b), graph.Edges);
        Assert.DoesNotContain((b, a), graph.Edges);
        Assert.Equal(4, graph.Edges.Count);
    }

    [Fact]
    public void Draws_ragged_edge_keys_as_unknown_nodes()
    {
        var mesh = Sample();

        var graph = Parse(NeighborhoodGraph.ToDot(mesh.Build()));

        string ghost = mesh.Key("ghost").ToString();
        Assert.Equal(ghost[..8], graph.Nodes[ghost]["label"]);
        Assert.Equal("box", graph.Nodes[ghost]["shape"]);
        Assert.Contains((mesh.Key("b").ToString(), ghost), graph.Edges);
        Assert.Equal(4, graph.Nodes.Count);
        Assert.All(graph.Edges, e => Assert.True(graph.Nodes.ContainsKey(e.From) && graph.Nodes.ContainsKey(e.To)));
    }

    [Fact]
    public void A_lone_root_is_a_one_node_graph()
    {
        var mesh = new TestMesh();

        var dot = NeighborhoodGraph.ToDot(mesh.Build());
        var graph = Parse(dot);

        Assert.StartsWith("digraph db {", dot, StringComparison.Ordinal);
        Assert.Single(graph.Nodes);
        Assert.Empty(graph.Edges);
    }

    [Fact]
    public void The_output_is_deterministic()
    {
        Assert.Equal(NeighborhoodGraph.ToDot(Sample().Build()), NeighborhoodGraph.ToDot(Sample().Build()));
    }

    [Fact]
    public void Quotes_and_backslashes_are_escaped()
    {
        Assert.Equal("a\\\"b\\\\c\\nd", NeighborhoodGraph.Escape("a\"b\\c\nd"));
        Assert.Equal("plain", NeighborhoodGraph.Escape("plain"));
    }

    [Fact]
    public void Graphviz_accepts_the_output()
    {
        var mesh = TestMesh.Random(20, 4, seed: 7).Ghost("n3", "ghost").Node("n5", country: "JP");
        string dot = NeighborhoodGraph.ToDot(mesh.Build());
        var start = new ProcessStartInfo(GraphvizDot.Path, "-Tplain")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, errors);
        // 20 records plus the one ghost key only referenced by n3: Graphviz lays out every one of them.
        Assert.Equal(21, Parse(dot).Nodes.Count);
        Assert.Equal(21, output.Split('\n').Count(l => l.StartsWith("node ", StringComparison.Ordinal)));
    }

    private static TestMesh Sample() =>
        new TestMesh()
            .Node("root", country: "FR", address: new NodeAddr(IPAddress.Parse("1.2.3.4"), [5001, 5000]))
            .Node("a", acceptsConnections: false, routesData: false)
            .Node("b", routesData: false, country: "DE")
            .Link("root", "a").HalfLink("a", "b").Ghost("b", "ghost");

    /// <summary>A small DOT reader for what ToDot writes: one statement per line.</summary>
    private static ParsedGraph Parse(string dot)
    {
        var graph = new ParsedGraph();
        var lines = dot.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("digraph db {", lines[0]);
        Assert.Equal("}", lines[^1]);
        foreach (var line in lines[1..^1])
        {
            if (EdgeStatement().Match(line) is { Success: true } edge)
            {
                graph.Edges.Add((Unescape(edge.Groups["from"].Value), Unescape(edge.Groups["to"].Value)));
                continue;
            }

            var node = NodeStatement().Match(line);
            Assert.True(node.Success, $"Not a node or edge statement: {line}");
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match attribute in Attribute().Matches(node.Groups["attrs"].Value))
            {
                attributes[attribute.Groups["name"].Value] = attribute.Groups["quoted"].Success
                    ? attribute.Groups["quoted"].Value
                    : attribute.Groups["bare"].Value;
            }

            Assert.True(graph.Nodes.TryAdd(Unescape(node.Groups["id"].Value), attributes), $"Duplicate node: {line}");
        }

        return graph;
    }

    private static string Unescape(string quoted) => quoted.Replace("\\\"", "\"", StringComparison.Ordinal);

    [GeneratedRegex("""^  "(?<from>(?:[^"\\]|\\.)*)" -> "(?<to>(?:[^"\\]|\\.)*)";$""")]
    private static partial Regex EdgeStatement();

    [GeneratedRegex("""^  "(?<id>(?:[^"\\]|\\.)*)" \[(?<attrs>.*)\];$""")]
    private static partial Regex NodeStatement();

    [GeneratedRegex("""(?<name>[a-z]+)=(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<bare>[A-Za-z0-9_]+))""")]
    private static partial Regex Attribute();
}
