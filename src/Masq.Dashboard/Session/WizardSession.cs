namespace Masq.Dashboard.Session;

/// <summary>
/// The first-run wizard's progress in one tab. The database password and a freshly generated mnemonic live here,
/// on the server, and only until they are no longer needed; private keys returned by the Node are never kept.
/// </summary>
internal sealed class WizardSession
{
    public WizardStep Step { get; set; } = WizardStep.Mode;

    /// <summary><c>zero-hop</c>, <c>standard</c> or <c>originate-only</c>.</summary>
    public string Mode { get; set; } = "zero-hop";

    public string? Chain { get; set; }

    public string Neighbors { get; set; } = string.Empty;

    public string BlockchainServiceUrl { get; set; } = string.Empty;

    public string? DbPassword { get; private set; }

    /// <summary>The generated phrase until the user confirms they wrote it down.</summary>
    public IReadOnlyList<string>? PendingMnemonic { get; private set; }

    /// <summary>1-based positions of the words the user must type back.</summary>
    public IReadOnlyList<int> ConfirmPositions { get; private set; } = [];

    public string? ConsumingWalletAddress { get; set; }

    public string? EarningWalletAddress { get; set; }

    public bool WalletsDone { get; set; }

    public bool IsZeroHop => Mode == "zero-hop";

    public void SetPassword(string password) => DbPassword = password;

    public void HoldMnemonic(IReadOnlyList<string> words, IReadOnlyList<int> confirmPositions)
    {
        PendingMnemonic = words;
        ConfirmPositions = confirmPositions;
    }

    /// <summary>True when every asked word matches (case and surrounding spaces ignored); then the phrase is forgotten.</summary>
    public bool ConfirmMnemonic(IReadOnlyDictionary<int, string> answers)
    {
        if (PendingMnemonic is not { } words)
        {
            return false;
        }
        foreach (var position in ConfirmPositions)
        {
            if (!answers.TryGetValue(position, out var answer)
                || !string.Equals(answer.Trim(), words[position - 1], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        PendingMnemonic = null;
        ConfirmPositions = [];
        return true;
    }

    /// <summary>Drops every secret (the password and any unconfirmed phrase).</summary>
    public void ForgetSecrets()
    {
        DbPassword = null;
        PendingMnemonic = null;
        ConfirmPositions = [];
    }
}
