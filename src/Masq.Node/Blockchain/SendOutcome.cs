namespace Masq.Node.Blockchain;

/// <summary>The service's answer to one raw transaction of a batch: accepted (its hash) or refused (why).</summary>
internal sealed record SendOutcome(string? TransactionHash, string? Error)
{
    public bool Accepted => Error is null;
}
