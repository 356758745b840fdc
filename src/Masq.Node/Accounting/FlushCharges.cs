namespace Masq.Node.Accounting;

/// <summary>Time to write the charges gathered since the last write.</summary>
internal sealed record FlushCharges : AccountantMessage
{
    public static FlushCharges Instance { get; } = new();
}
