namespace Masq.Dashboard.Model.Graph;

/// <summary>A laid-out neighborhood graph, in SVG user units.</summary>
public sealed record GraphPicture(double Width, double Height, IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<PlacedEdge> Edges)
{
    public const double NodeWidth = 150;
    public const double NodeHeight = 58;

    public PlacedNode? Local => Nodes.FirstOrDefault(n => n.IsLocal);
}
