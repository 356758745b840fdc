namespace Masq.Node.Cells;

/// <summary>What the caller of <see cref="CellRelay.Process"/> does next.</summary>
internal enum CellAction
{
    /// <summary>Nothing: the cell was dropped and counted.</summary>
    Drop,

    /// <summary>Send the cell, rewritten in place, to <see cref="CellOutcome.Peer"/>.</summary>
    Send,

    /// <summary>This Node is the exit: the body is at <see cref="CellOutcome.BodyOffset"/> in the cell.</summary>
    Deliver,

    /// <summary>Send a small "unknown route" cell with <see cref="CellOutcome.Label"/> to <see cref="CellOutcome.Peer"/>.</summary>
    ReplyUnknownRoute,

    /// <summary>The exit's route <see cref="CellOutcome.Route"/> was closed by its originator.</summary>
    Closed,
}
