namespace Masq.Node.Accounting;

/// <summary>A refused financials request: its UI error code and message.</summary>
internal sealed record FinancialsRefusal(ulong Code, string Message);
