namespace Masq.Node.Persistence;

/// <summary>An existing database belongs to another chain than the one requested; the Node must not start.</summary>
internal sealed class ChainMismatchException(string databaseChain, string requestedChain)
    : PersistenceException(
        $"The database belongs to chain '{databaseChain}' but chain '{requestedChain}' was requested; "
        + "use the data directory of that chain or a different one")
{
    public string DatabaseChain { get; } = databaseChain;

    public string RequestedChain { get; } = requestedChain;
}
