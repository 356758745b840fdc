namespace Masq.Dashboard.Model.Dot;

/// <summary>A parsed Graphviz graph: nodes in order of first appearance (attributes merged), edges in order.</summary>
public sealed record DotGraph(bool Directed, string? Name, IReadOnlyList<DotNode> Nodes, IReadOnlyList<DotEdge> Edges);
