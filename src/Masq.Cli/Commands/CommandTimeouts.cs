namespace Masq.Cli.Commands;

/// <summary>How long each command waits for its answer.</summary>
internal static class CommandTimeouts
{
    // The reference waits 1 s; a cold masq process on a busy machine can need more for its first answer.
    public static readonly TimeSpan Standard = TimeSpan.FromMilliseconds(5000);

    public static readonly TimeSpan Setup = TimeSpan.FromMilliseconds(30000);

    // Longer than the Daemon's launch verification (20 s), so a slow start is reported by the Daemon, not as a timeout.
    public static readonly TimeSpan Start = TimeSpan.FromMilliseconds(30000);

    public static readonly TimeSpan Shutdown = TimeSpan.FromMilliseconds(60000);

    public static readonly TimeSpan Scan = TimeSpan.FromMilliseconds(10000);
}
