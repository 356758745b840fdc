using Masq.Lib.Blockchains;

namespace Masq.Node.Blockchain;

/// <summary>An ERC-20 Transfer to our earning wallet: who sent how much (wei), in which block.</summary>
internal sealed record TransferLog(WalletAddress Sender, Int128 AmountWei, ulong BlockNumber);
