using Masq.Dashboard.Model.Dot;

namespace Masq.Dashboard.Tests.Model;

public sealed class DotParserTests
{
    // The shape the Node sends (spec: ui-daemon-cli-config §3 "Graph").
    internal const string NodeGraph =
        "digraph db { \"AQIDBAUG\" [label=\"AR v1 AU\\nAQIDBAUG\\n1.2.3.4:1234\"] [style=filled]; "
        + "\"BAUGBwgJ\" [label=\"ar v0 ZZ\\nBAUGBwgJ\\n2.3.4.5:2345/3456\"]; "
        + "\"CQoLDA0O\" [shape=none]; "
        + "\"AQIDBAUG\" -> \"BAUGBwgJ\"; \"BAUGBwgJ\" -> \"AQIDBAUG\"; \"BAUGBwgJ\" -> \"CQoLDA0O\"; }";

    [Fact]
    public void Reads_the_nodes_graph_with_attributes_merged_across_lists()
    {
        var result = DotParser.Parse(NodeGraph);

        Assert.True(result.Success, result.Error);
        var graph = result.Graph!;
        Assert.True(graph.Directed);
        Assert.Equal("db", graph.Name);
        Assert.Equal(["AQIDBAUG", "BAUGBwgJ", "CQoLDA0O"], graph.Nodes.Select(n => n.Id));
        Assert.Equal("filled", graph.Nodes[0].Attribute("style"));
        Assert.Equal("AR v1 AU\\nAQIDBAUG\\n1.2.3.4:1234", graph.Nodes[0].Attribute("label"));
        Assert.Equal("none", graph.Nodes[2].Attribute("shape"));
        Assert.Equal(3, graph.Edges.Count);
        Assert.Equal(("BAUGBwgJ", "CQoLDA0O"), (graph.Edges[2].From, graph.Edges[2].To));
    }

    [Fact]
    public void Reads_the_wider_language_chains_subgraphs_ports_comments_and_concatenation()
    {
        const string text = """
            /* a comment */
            strict graph "g" {
              // defaults are skipped
              node [shape=box]; edge [color=red]
              rankdir = LR
            # a preprocessor line
              a -- b -- c [weight=2]
              d:port:n -- { e f }
              "x" + "y" [label=<<b>html <i>label</i></b>>, color="blue"]
              subgraph cluster { g; h -> i }
              -1.5 -- .5
            }
            """;

        var result = DotParser.Parse(text);

        Assert.True(result.Success, result.Error);
        var graph = result.Graph!;
        Assert.False(graph.Directed);
        Assert.DoesNotContain(graph.Nodes, n => n.Id is "rankdir" or "node" or "edge");
        Assert.Equal("<b>html <i>label</i></b>", graph.Nodes.Single(n => n.Id == "xy").Attribute("label"));
        Assert.Equal("blue", graph.Nodes.Single(n => n.Id == "xy").Attribute("color"));
        Assert.Contains(graph.Edges, e => e.From == "a" && e.To == "b");
        Assert.Contains(graph.Edges, e => e.From == "b" && e.To == "c" && e.Attributes["weight"] == "2");
        Assert.Contains(graph.Edges, e => e.From == "d" && e.To == "e");
        Assert.Contains(graph.Edges, e => e.From == "d" && e.To == "f");
        Assert.Contains(graph.Edges, e => e.From == "h" && e.To == "i");
        Assert.Contains(graph.Edges, e => e.From == "-1.5" && e.To == ".5");
        Assert.Contains(graph.Nodes, n => n.Id == "g");
    }

    [Fact]
    public void Escaped_quotes_belong_to_the_string()
    {
        var graph = DotParser.Parse("digraph { \"a \\\"quoted\\\" name\" }").Graph!;

        Assert.Equal("a \"quoted\" name", graph.Nodes.Single().Id);
    }

    [Fact]
    public void Empty_graph_is_fine()
    {
        var graph = DotParser.Parse("digraph db { }").Graph!;

        Assert.Empty(graph.Nodes);
        Assert.Empty(graph.Edges);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("digraph")]
    [InlineData("digraph {")]
    [InlineData("digraph { a -> }")]
    [InlineData("digraph { \"unterminated }")]
    [InlineData("digraph { a [label=] }")]
    [InlineData("digraph { a } trailing")]
    [InlineData("tree { a }")]
    [InlineData("digraph { /* open comment }")]
    [InlineData("digraph { a @ b }")]
    [InlineData("digraph { <a <b> }")]
    public void Bad_text_gives_an_error_not_an_exception(string? text)
    {
        var result = DotParser.Parse(text);

        Assert.False(result.Success);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var text = "digraph {" + string.Concat(Enumerable.Repeat("{", 500)) + string.Concat(Enumerable.Repeat("}", 500)) + "}";

        var result = DotParser.Parse(text);

        Assert.False(result.Success);
        Assert.Contains("nested", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzz_random_and_mutated_text_never_throws()
    {
        var random = new Random(20261125);
        const string alphabet = "digraph{}[]=;,:->\"\\ \nabcAR v0 ZZ/*#<>+-.0123456789";
        for (var i = 0; i < 20_000; i++)
        {
            string text;
            if (i % 2 == 0)
            {
                var chars = new char[random.Next(0, 80)];
                for (var j = 0; j < chars.Length; j++)
                {
                    chars[j] = alphabet[random.Next(alphabet.Length)];
                }
                text = new string(chars);
            }
            else
            {
                // Mutate the real graph: delete, duplicate or replace characters.
                var chars = NodeGraph.ToList();
                for (var m = random.Next(1, 6); m > 0 && chars.Count > 0; m--)
                {
                    var at = random.Next(chars.Count);
                    switch (random.Next(3))
                    {
                        case 0: chars.RemoveAt(at); break;
                        case 1: chars.Insert(at, chars[random.Next(chars.Count)]); break;
                        default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                    }
                }
                text = new string(chars.ToArray());
            }

            var result = DotParser.Parse(text);

            Assert.True(result.Success ^ (result.Error is not null), text);
            if (result.Graph is { } graph)
            {
                // Whatever parses must also lay out.
                _ = Masq.Dashboard.Model.Graph.GraphLayout.Lay(graph);
            }
        }
    }
}
