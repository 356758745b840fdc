using System.Numerics;

namespace Masq.Node.Blockchain;

/// <summary>What the service knows of a transaction by hash: its nonce, gas price and block (null while pending).</summary>
internal sealed record PendingTransactionInfo(BigInteger Nonce, BigInteger GasPriceWei, ulong? BlockNumber);
