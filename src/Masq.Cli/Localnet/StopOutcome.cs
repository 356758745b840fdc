namespace Masq.Cli.Localnet;

/// <summary>How <c>localnet down</c> ended one Node.</summary>
internal enum StopOutcome
{
    /// <summary>It exited after the UI <c>shutdown</c> message.</summary>
    ShutDown,

    /// <summary>It ignored <c>shutdown</c> and was killed.</summary>
    Killed,

    /// <summary>It is still running.</summary>
    NotStopped,
}
