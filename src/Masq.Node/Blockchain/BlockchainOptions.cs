namespace Masq.Node.Blockchain;

/// <summary>Knobs of the payment scans that are not user settings.</summary>
internal sealed record BlockchainOptions
{
    /// <summary>A payment still without a receipt after this long is re-sent with a higher gas price.</summary>
    public TimeSpan PendingTooLong { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How much a replacement raises the gas price, in percent (nodes want at least 10).</summary>
    public int GasPriceBumpPercent { get; init; } = 20;

    /// <summary>How long one JSON-RPC request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
