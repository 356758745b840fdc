namespace Masq.Node.Blockchain;

/// <summary>Start the automatic scans (first route found, or a zero-hop start).</summary>
internal sealed record StartScansMessage : BridgeMessage
{
    public static StartScansMessage Instance { get; } = new();
}
