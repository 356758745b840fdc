namespace Masq.Dashboard.Model.Graph;

/// <summary>A node of the picture: centre position, label, and its ring (hops from the local Node; -1 = not connected).</summary>
public sealed record PlacedNode(string Id, double X, double Y, NodeLabel Label, bool IsLocal, bool IsReferencedOnly, int Ring);
