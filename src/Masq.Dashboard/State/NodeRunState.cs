namespace Masq.Dashboard.State;

public enum NodeRunState
{
    /// <summary>The Daemon has not told us yet (not connected to it).</summary>
    Unknown,
    NotRunning,
    Starting,
    Running,
    ShuttingDown,

    /// <summary>The Daemon reported that the Node exited without being asked to.</summary>
    Crashed,
}
