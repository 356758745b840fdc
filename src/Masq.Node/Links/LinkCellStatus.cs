namespace Masq.Node.Links;

/// <summary>What <see cref="LinkCellReader.Accept"/> made of one cell.</summary>
internal enum LinkCellStatus
{
    /// <summary>A fragment of a package that continues in the next cell.</summary>
    Partial,

    /// <summary>The last fragment: a whole package is ready.</summary>
    Package,

    /// <summary>The cell is not a direct cell (another kind, a size that is not its header's).</summary>
    WrongCell,

    /// <summary>The fragment's length does not fit its cell, or its counter is not the next one.</summary>
    Malformed,

    /// <summary>The package would be longer than <see cref="LinkCells.MaxPackageLength"/>.</summary>
    TooLong,
}
