namespace Masq.DnsUtility;

/// <summary>What dns_utility's exit status means; <see cref="Help"/> prints the same table.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An I/O error: nothing was changed, or the change was completed or undone atomically.</summary>
    public const int Failed = 1;

    /// <summary>The system is already in the state asked for (subvert when subverted, revert when reverted).</summary>
    public const int AlreadyDone = 2;

    /// <summary>A resolver set-up dns_utility does not change, because it cannot do so safely.</summary>
    public const int Unsupported = 3;

    /// <summary>subvert and revert need root.</summary>
    public const int NotRoot = 4;

    /// <summary>Subverted, but the original set-up is gone (the backup was deleted): restore by hand.</summary>
    public const int NoBackup = 5;

    public const int Usage = 64;
}
