using Masq.Dashboard.Model.Dot;

namespace Masq.Dashboard.Model.Graph;

/// <summary>
/// Lays out a neighborhood graph as rings around the local Node: ring k holds the Nodes k hops away (edges taken in
/// either direction), each ring ordered by where its neighbors on the inner ring sit, so lines rarely cross. Nodes
/// the local Node cannot reach go on an outer ring. Deterministic: the same graph always gives the same picture.
/// </summary>
public static class GraphLayout
{
    private const double RingGap = 190;
    private const double Margin = 20;
    private const double SlotLength = GraphPicture.NodeWidth + 30;
    private const double CurveBend = 0.2;

    // Node boxes are wide and low: stretch the rings sideways so neighbors left and right get as much air as above and below.
    private const double Stretch = 1.4;

    public static GraphPicture Lay(DotGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Nodes.Count == 0)
        {
            return new GraphPicture(GraphPicture.NodeWidth + (2 * Margin), GraphPicture.NodeHeight + (2 * Margin), [], []);
        }
        var ids = graph.Nodes.Select(n => n.Id).ToArray();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var adjacency = ids.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var edge in graph.Edges)
        {
            if (index.TryGetValue(edge.From, out var a) && index.TryGetValue(edge.To, out var b) && a != b)
            {
                adjacency[a].Add(b);
                adjacency[b].Add(a);
            }
        }
        var local = Array.FindIndex(graph.Nodes.ToArray(), IsLocalNode);
        var root = local >= 0 ? local : 0;

        var ring = Enumerable.Repeat(-1, ids.Length).ToArray();
        ring[root] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var m in adjacency[n])
            {
                if (ring[m] < 0)
                {
                    ring[m] = ring[n] + 1;
                    queue.Enqueue(m);
                }
            }
        }
        var unreached = ring.Select(r => r < 0).ToArray();
        var outer = ring.Max() + 1;
        for (var i = 0; i < ring.Length; i++)
        {
            if (ring[i] < 0)
            {
                ring[i] = outer;
            }
        }
        var ringCount = ring.Max() + 1;

        var angle = new double[ids.Length];
        var radius = new double[ringCount];
        for (var r = 1; r < ringCount; r++)
        {
            var members = Enumerable.Range(0, ids.Length).Where(i => ring[i] == r).ToList();
            radius[r] = Math.Max(radius[r - 1] + RingGap, members.Count * SlotLength / (2 * Math.PI));
            // Barycentre of the inner neighbors' angles; Nodes with none keep their order at the end.
            var keyed = members
                .Select(i => (i, key: InnerAngle(i, r, ring, adjacency, angle)))
                .OrderBy(p => p.key ?? double.MaxValue)
                .ThenBy(p => ids[p.i], StringComparer.Ordinal)
                .ToList();
            var start = keyed[0].key ?? 0;
            var step = 2 * Math.PI / keyed.Count;
            for (var k = 0; k < keyed.Count; k++)
            {
                angle[keyed[k].i] = start + (k * step);
            }
        }

        var placed = new PlacedNode[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var node = graph.Nodes[i];
            var r = radius[ring[i]];
            placed[i] = new PlacedNode(
                node.Id,
                r * Stretch * Math.Cos(angle[i]),
                r * Math.Sin(angle[i]),
                NodeLabel.Parse(node.Attribute("label"), node.Id),
                i == local,
                node.Attribute("shape") == "none",
                unreached[i] ? -1 : ring[i]);
        }

        var directed = new HashSet<(int, int)>();
        foreach (var edge in graph.Edges)
        {
            if (index.TryGetValue(edge.From, out var a) && index.TryGetValue(edge.To, out var b) && a != b)
            {
                directed.Add((a, b));
            }
        }
        var curves = new List<(int A, int B, bool Mutual, double Cx, double Cy)>();
        foreach (var (a, b) in directed.OrderBy(e => e.Item1).ThenBy(e => e.Item2))
        {
            var mutual = directed.Contains((b, a));
            if (mutual && a > b)
            {
                continue; // drawn once, from the lower index
            }
            // A gentle curve, bent to the left of a→b: a line between two Nodes opposite each other on a ring then
            // passes beside the Node between them instead of behind it.
            var dx = placed[b].X - placed[a].X;
            var dy = placed[b].Y - placed[a].Y;
            curves.Add((a, b, mutual, ((placed[a].X + placed[b].X) / 2) + (CurveBend * dy), ((placed[a].Y + placed[b].Y) / 2) - (CurveBend * dx)));
        }

        // Crop the picture to what is drawn.
        var minX = placed.Min(n => n.X) - (GraphPicture.NodeWidth / 2);
        var maxX = placed.Max(n => n.X) + (GraphPicture.NodeWidth / 2);
        var minY = placed.Min(n => n.Y) - (GraphPicture.NodeHeight / 2);
        var maxY = placed.Max(n => n.Y) + (GraphPicture.NodeHeight / 2);
        foreach (var curve in curves)
        {
            // The curve stays within half the way from its chord to its control point.
            var mx = ((placed[curve.A].X + placed[curve.B].X) / 4) + (curve.Cx / 2);
            var my = ((placed[curve.A].Y + placed[curve.B].Y) / 4) + (curve.Cy / 2);
            minX = Math.Min(minX, mx);
            maxX = Math.Max(maxX, mx);
            minY = Math.Min(minY, my);
            maxY = Math.Max(maxY, my);
        }
        var shiftX = Margin - minX;
        var shiftY = Margin - minY;
        placed = placed.Select(n => n with { X = n.X + shiftX, Y = n.Y + shiftY }).ToArray();
        var edges = new List<PlacedEdge>();
        foreach (var (a, b, mutual, cx, cy) in curves)
        {
            var control = (X: cx + shiftX, Y: cy + shiftY);
            var (x1, y1) = Clip(placed[a], control);
            var (x2, y2) = Clip(placed[b], control);
            edges.Add(new PlacedEdge(ids[a], ids[b], x1, y1, control.X, control.Y, x2, y2, mutual, a == local || b == local));
        }
        return new GraphPicture(maxX - minX + (2 * Margin), maxY - minY + (2 * Margin), placed, edges);
    }

    private static bool IsLocalNode(DotNode node) =>
        node.Attribute("style") is { } style && style.Contains("filled", StringComparison.OrdinalIgnoreCase);

    private static double? InnerAngle(int node, int r, int[] ring, SortedSet<int>[] adjacency, double[] angle)
    {
        double x = 0, y = 0;
        var count = 0;
        foreach (var m in adjacency[node])
        {
            if (ring[m] == r - 1 && r > 1)
            {
                x += Math.Cos(angle[m]);
                y += Math.Sin(angle[m]);
                count++;
            }
        }
        if (count == 0 || (Math.Abs(x) < 1e-9 && Math.Abs(y) < 1e-9))
        {
            return null;
        }
        var a = Math.Atan2(y, x);
        return a < 0 ? a + (2 * Math.PI) : a;
    }

    /// <summary>Where a line from <paramref name="from"/>'s centre towards <paramref name="toward"/> leaves its box.</summary>
    private static (double X, double Y) Clip(PlacedNode from, (double X, double Y) toward)
    {
        var dx = toward.X - from.X;
        var dy = toward.Y - from.Y;
        if (Math.Abs(dx) < 1e-9 && Math.Abs(dy) < 1e-9)
        {
            return (from.X, from.Y);
        }
        var tx = Math.Abs(dx) < 1e-9 ? double.MaxValue : (GraphPicture.NodeWidth / 2) / Math.Abs(dx);
        var ty = Math.Abs(dy) < 1e-9 ? double.MaxValue : (GraphPicture.NodeHeight / 2) / Math.Abs(dy);
        var t = Math.Min(Math.Min(tx, ty), 1);
        return (from.X + (dx * t), from.Y + (dy * t));
    }
}
