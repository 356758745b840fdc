using Masq.Dashboard.Model.Dot;
using Masq.Dashboard.Model.Graph;

namespace Masq.Dashboard.Tests.Model;

public sealed class GraphLayoutTests
{
    [Fact]
    public void Local_node_is_in_the_middle_and_highlighted()
    {
        var picture = GraphLayout.Lay(DotParser.Parse(DotParserTests.NodeGraph).Graph!);

        var local = picture.Local!;
        Assert.Equal("AQIDBAUG", local.Id);
        Assert.Equal(0, local.Ring);
        // Ring 1 is nearer the local Node than ring 2.
        var one = picture.Nodes.Single(n => n.Id == "BAUGBwgJ");
        var two = picture.Nodes.Single(n => n.Id == "CQoLDA0O");
        Assert.True(Distance(local, one) < Distance(local, two));
        Assert.Equal(1, picture.Nodes.Single(n => n.Id == "BAUGBwgJ").Ring);
        Assert.Equal(2, picture.Nodes.Single(n => n.Id == "CQoLDA0O").Ring);
        Assert.True(picture.Nodes.Single(n => n.Id == "CQoLDA0O").IsReferencedOnly);
    }

    [Fact]
    public void Mutual_edges_are_drawn_once_and_one_way_edges_keep_their_direction()
    {
        var picture = GraphLayout.Lay(DotParser.Parse(DotParserTests.NodeGraph).Graph!);

        Assert.Equal(2, picture.Edges.Count);
        var mutual = picture.Edges.Single(e => e.IsMutual);
        Assert.True(mutual.TouchesLocal);
        var oneWay = picture.Edges.Single(e => !e.IsMutual);
        Assert.Equal(("BAUGBwgJ", "CQoLDA0O"), (oneWay.From, oneWay.To));
    }

    [Fact]
    public void Nodes_do_not_overlap_and_stay_inside_the_picture()
    {
        // A local node with 12 neighbors, each with 3 more: 49 nodes on two rings.
        var lines = new List<string> { "\"L\" [label=\"AR v1 CZ\\nL\\n1.1.1.1:1\"] [style=filled];" };
        for (var i = 0; i < 12; i++)
        {
            lines.Add($"\"L\" -> \"n{i}\"; \"n{i}\" -> \"L\";");
            for (var j = 0; j < 3; j++)
            {
                lines.Add($"\"n{i}\" -> \"m{i}_{j}\";");
            }
        }
        var picture = GraphLayout.Lay(DotParser.Parse("digraph db { " + string.Join(' ', lines) + " }").Graph!);

        Assert.Equal(49, picture.Nodes.Count);
        foreach (var a in picture.Nodes)
        {
            Assert.InRange(a.X - (GraphPicture.NodeWidth / 2), 0, picture.Width);
            Assert.InRange(a.X + (GraphPicture.NodeWidth / 2), 0, picture.Width);
            Assert.InRange(a.Y - (GraphPicture.NodeHeight / 2), 0, picture.Height);
            Assert.InRange(a.Y + (GraphPicture.NodeHeight / 2), 0, picture.Height);
            foreach (var b in picture.Nodes.Where(b => !ReferenceEquals(a, b)))
            {
                var overlaps = Math.Abs(a.X - b.X) < GraphPicture.NodeWidth && Math.Abs(a.Y - b.Y) < GraphPicture.NodeHeight;
                Assert.False(overlaps, $"{a.Id} overlaps {b.Id}");
            }
        }
    }

    [Fact]
    public void Unconnected_nodes_go_on_an_outer_ring_and_layout_is_deterministic()
    {
        var graph = DotParser.Parse("digraph db { \"a\" [style=filled]; \"a\" -> \"b\"; \"c\"; \"d\" -> \"e\"; }").Graph!;

        var first = GraphLayout.Lay(graph);
        var second = GraphLayout.Lay(graph);

        Assert.Equal(-1, first.Nodes.Single(n => n.Id == "c").Ring);
        Assert.Equal(-1, first.Nodes.Single(n => n.Id == "e").Ring);
        Assert.Equal(first.Nodes.Select(n => (n.X, n.Y)), second.Nodes.Select(n => (n.X, n.Y)));
    }

    [Fact]
    public void Without_a_filled_node_the_first_one_is_the_centre_and_none_is_local()
    {
        var picture = GraphLayout.Lay(DotParser.Parse("digraph { x -> y }").Graph!);

        Assert.Null(picture.Local);
        Assert.Equal(0, picture.Nodes[0].Ring);
    }

    [Fact]
    public void A_line_between_opposite_nodes_bends_around_the_local_node()
    {
        var picture = GraphLayout.Lay(DotParser.Parse("digraph { \"me\" [style=filled]; me -> a; a -> me; me -> b; b -> me; a -> b; b -> a }").Graph!);
        var local = picture.Local!;
        var ab = picture.Edges.Single(e => e.From == "a" && e.To == "b");

        // The curve's midpoint lies outside the local Node's box.
        var midX = (ab.X1 / 4) + (ab.Cx / 2) + (ab.X2 / 4);
        var midY = (ab.Y1 / 4) + (ab.Cy / 2) + (ab.Y2 / 4);
        Assert.True(Math.Abs(midX - local.X) > GraphPicture.NodeWidth / 2 || Math.Abs(midY - local.Y) > GraphPicture.NodeHeight / 2);
    }

    [Fact]
    public void Edges_end_at_the_box_borders()
    {
        var picture = GraphLayout.Lay(DotParser.Parse("digraph { \"a\" [style=filled]; a -> b }").Graph!);
        var a = picture.Nodes[0];
        var edge = picture.Edges.Single();

        var insideX = Math.Abs(edge.X1 - a.X) <= (GraphPicture.NodeWidth / 2) + 1e-6;
        var insideY = Math.Abs(edge.Y1 - a.Y) <= (GraphPicture.NodeHeight / 2) + 1e-6;
        Assert.True(insideX && insideY);
        Assert.True(Math.Abs(Math.Abs(edge.X1 - a.X) - (GraphPicture.NodeWidth / 2)) < 1e-6 || Math.Abs(Math.Abs(edge.Y1 - a.Y) - (GraphPicture.NodeHeight / 2)) < 1e-6);
    }

    private static double Distance(PlacedNode a, PlacedNode b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
