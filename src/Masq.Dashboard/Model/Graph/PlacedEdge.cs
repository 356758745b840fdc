namespace Masq.Dashboard.Model.Graph;

/// <summary>
/// A line of the picture, clipped to the node boxes. <see cref="IsMutual"/>: both Nodes list each other (full
/// neighbors), drawn once with two arrow heads; otherwise a one-way (half) neighborship.
/// </summary>
public sealed record PlacedEdge(string From, string To, double X1, double Y1, double X2, double Y2, bool IsMutual, bool TouchesLocal);
