namespace Masq.Node.Persistence;

/// <summary>A row of <c>banned</c>: a wallet banned for delinquency.</summary>
internal sealed class BannedRow
{
    public required string WalletAddress { get; set; }
}
