using Masq.Lib.Blockchains;

namespace Masq.Node.Accounting;

/// <summary>What one delinquency pass changed.</summary>
internal sealed record DelinquencyChanges(IReadOnlyList<WalletAddress> Banned, IReadOnlyList<WalletAddress> Unbanned);
