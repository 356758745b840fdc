namespace Masq.Node.Cells;

/// <summary>
/// The result of processing one cell. <see cref="Route"/> is set when a route is involved; with
/// <see cref="CellAction.ReplyUnknownRoute"/> at the exit it is the route just dropped (its streams end).
/// </summary>
internal readonly record struct CellOutcome(
    CellAction Action,
    long Peer = 0,
    ulong Label = 0,
    RelayRoute? Route = null,
    int BodyOffset = 0,
    int BodyLength = 0,
    CellDrop? Drop = null);
