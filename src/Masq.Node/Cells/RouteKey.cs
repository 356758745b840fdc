namespace Masq.Node.Cells;

/// <summary>How a cell finds its route: the peer it came from, its label, and which way it travels.</summary>
internal readonly record struct RouteKey(long Peer, ulong Label, bool Backward);
