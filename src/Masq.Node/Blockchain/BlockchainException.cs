namespace Masq.Node.Blockchain;

/// <summary>A failed call to the blockchain service: the kind, and a message fit for the log and the UI.</summary>
internal sealed class BlockchainException : Exception
{
    public BlockchainException(BlockchainErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public BlockchainException()
        : this(BlockchainErrorKind.QueryFailed, "The blockchain service failed")
    {
    }

    public BlockchainException(string message)
        : this(BlockchainErrorKind.QueryFailed, message)
    {
    }

    public BlockchainException(string message, Exception inner)
        : this(BlockchainErrorKind.QueryFailed, message, inner)
    {
    }

    public BlockchainErrorKind Kind { get; }

    /// <summary>
    /// True when the request may have reached the service even though no good answer came back (a timeout, or an
    /// answer that could not be read): sent transactions must then be tracked, not forgotten.
    /// </summary>
    public bool MayHaveArrived { get; init; }
}
