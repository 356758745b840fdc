namespace Masq.Node.Cells;

/// <summary>Why a cell was dropped; each reason has its own counter in <see cref="CellCounters"/>.</summary>
internal enum CellDrop
{
    /// <summary>Not one of the cell sizes, or not the size its header declares.</summary>
    BadSize,

    /// <summary>A kind this Node does not know, or one that cannot come from that direction.</summary>
    BadKind,

    /// <summary>No route with this label on this link (never set up, expired or evicted).</summary>
    UnknownLabel,

    /// <summary>A sequence number this route has already seen (or one too far behind).</summary>
    Replayed,

    /// <summary>The end-to-end tag did not match: a relay changed the cell, or it was built for other keys.</summary>
    BadTag,

    /// <summary>The hop entry could not be opened or read, or does not match the cell's header.</summary>
    BadSetup,

    /// <summary>The setup names a label already in use on that link (most likely a replayed setup cell).</summary>
    LabelInUse,

    /// <summary>The route's expiry has passed.</summary>
    Expired,

    /// <summary>The setup names a next Node this Node has no link to and will not look for.</summary>
    NoNextHop,
}
