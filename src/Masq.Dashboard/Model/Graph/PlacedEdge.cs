namespace Masq.Dashboard.Model.Graph;

/// <summary>
/// A line of the picture: a quadratic curve from (X1, Y1) to (X2, Y2) through control point (Cx, Cy), clipped to the
/// node boxes. <see cref="IsMutual"/>: both Nodes list each other (full neighbors), drawn once with two arrow heads;
/// otherwise a one-way (half) neighborship from <see cref="From"/> to <see cref="To"/>.
/// </summary>
public sealed record PlacedEdge(
    string From,
    string To,
    double X1,
    double Y1,
    double Cx,
    double Cy,
    double X2,
    double Y2,
    bool IsMutual,
    bool TouchesLocal);
