namespace Masq.Lib.Ui.Client;

/// <summary>
/// How long a UI client waits for the answers whose time the Daemon or the Node sets, the same for <c>masq</c> and the
/// dashboard. Each client keeps its own waits for plain reads.
/// </summary>
public static class UiCallTimeouts
{
    /// <summary>A setup change writes the Daemon's configuration and may resolve the data directory.</summary>
    public static readonly TimeSpan Setup = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longer than the Daemon's launch check (it answers only after it saw the Node's UI come up, which it waits up to
    /// 20 s for), so a slow start is reported by the Daemon, not as a time-out.
    /// </summary>
    public static readonly TimeSpan Start = TimeSpan.FromSeconds(30);

    /// <summary>The Node finishes its queued work and writes its last charges before it exits.</summary>
    public static readonly TimeSpan Shutdown = TimeSpan.FromSeconds(60);

    /// <summary>A scan asks the blockchain service and may send payments.</summary>
    public static readonly TimeSpan Scan = TimeSpan.FromSeconds(10);
}
