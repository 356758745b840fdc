namespace Masq.Node.Accounting;

/// <summary>
/// Sent by the originating ProxyServer for each request package sent and each response received. <see cref="Exit"/> is
/// null for a package that is no exit service (a credit update; DataPath/ExitServiceCharge.cs): the relays
/// still charge for carrying it, the exit does not.
/// </summary>
internal sealed record ServicesConsumed(ConsumedService? Exit, IReadOnlyList<ConsumedService> Routing) : AccountingReport;
