using Masq.Lib.Blockchains;

namespace Masq.Node.Accounting;

/// <summary>One provider's part of a service we consumed: charged as <c>ServiceRate + ByteRate × PayloadSize</c> wei.</summary>
/// <param name="EarningWallet">The provider's earning wallet (from its gossiped record).</param>
/// <param name="ServiceRate">The provider's per-event rate in wei (its exit or routing service rate).</param>
/// <param name="ByteRate">The provider's per-byte rate in wei.</param>
/// <param name="PayloadSize">Exit: the plain client-data length; routing: the encrypted CORES payload length.</param>
internal sealed record ConsumedService(WalletAddress EarningWallet, ulong ServiceRate, ulong ByteRate, long PayloadSize);
