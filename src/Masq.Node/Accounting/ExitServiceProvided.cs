using Masq.Lib.Blockchains;

namespace Masq.Node.Accounting;

/// <summary>Sent by the exit for each non-empty request written to a server and each response chunk, at this Node's exit rates.</summary>
internal sealed record ExitServiceProvided(WalletAddress Payer, ulong ServiceRate, ulong ByteRate, long PayloadSize) : AccountingReport;
