using Masq.Lib.Blockchains;

namespace Masq.Node.Accounting;

/// <summary>Sent by a relaying Hopper for each package it relays, at this Node's own routing rates.</summary>
internal sealed record RoutingServiceProvided(WalletAddress Payer, ulong ServiceRate, ulong ByteRate, long PayloadSize) : AccountingReport;
