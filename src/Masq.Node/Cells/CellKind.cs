namespace Masq.Node.Cells;

/// <summary>The kind of a cell (the top byte of its header's second word); the direction is part of the kind.</summary>
internal enum CellKind : byte
{
    /// <summary>The first cell of a route, towards the exit: the setup region, then a body.</summary>
    Setup = 1,

    /// <summary>A body towards the exit.</summary>
    Forward = 2,

    /// <summary>A body towards the originator.</summary>
    Backward = 3,

    /// <summary>Towards the originator: a Node on the route no longer knows it; every hop drops it on the way.</summary>
    UnknownRoute = 4,

    /// <summary>Towards the exit: the originator closes the route; every hop drops it on the way.</summary>
    Destroy = 5,

    /// <summary>
    /// One hop only: a fragment of a package for the peer Node itself (gossip, and until the cell layer is wired in,
    /// the sealed CORES packages of the data path); a package longer than one cell continues in the next ones.
    /// </summary>
    Direct = 6,

    /// <summary>The dialler's first cell on a link: a nonce sealed to the Node it dialled (docs/protocol.md §1).</summary>
    LinkChallenge = 7,

    /// <summary>The acceptor's first cell on a link: the nonce of the challenge, opened.</summary>
    LinkProof = 8,
}
