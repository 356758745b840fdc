namespace Masq.Node.Blockchain;

/// <summary>A mined transaction's receipt: whether it succeeded (status 1) and its block.</summary>
internal sealed record TransactionReceiptInfo(string TransactionHash, bool Succeeded, ulong BlockNumber);
