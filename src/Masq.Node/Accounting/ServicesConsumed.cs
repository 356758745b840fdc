namespace Masq.Node.Accounting;

/// <summary>Sent by the originating ProxyServer for each request package sent and each response received.</summary>
internal sealed record ServicesConsumed(ConsumedService Exit, IReadOnlyList<ConsumedService> Routing) : AccountingReport;
