namespace Masq.Node.Persistence;

/// <summary>A pending payable with this transaction hash is already recorded; nothing was changed.</summary>
internal sealed class DuplicateTransactionHashException(string transactionHash, Exception innerException)
    : PersistenceException($"A pending payable with transaction hash {transactionHash} already exists", innerException)
{
    public string TransactionHash { get; } = transactionHash;
}
