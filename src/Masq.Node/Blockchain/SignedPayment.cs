using System.Numerics;
using Masq.Lib.Blockchains;

namespace Masq.Node.Blockchain;

/// <summary>A signed ERC-20 transfer: to whom, how much, its nonce and gas price, the raw bytes to send and its hash.</summary>
internal sealed record SignedPayment(WalletAddress Creditor, Int128 AmountWei, BigInteger Nonce, BigInteger GasPriceWei, string RawTransaction, string TransactionHash);
