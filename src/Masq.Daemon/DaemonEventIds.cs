using Masq.Lib.Logging;

namespace Masq.Daemon;

/// <summary>The Daemon's log event ids in one table (1000–1999); the Node process hosts the Daemon, so they share its id space.</summary>
[EventIdRange(1000, 1999)]
internal static class DaemonEventIds
{
    // DaemonService
    public const int MessageFailed = 1001;
    public const int LaunchFailed = 1002;
    public const int NodeTerminated = 1003;
    public const int RealUserRefused = 1004;

    // NodeLauncher
    public const int NodeStarted = 1101;
    public const int NodeUiPortTimedOut = 1102;
    public const int NodeExited = 1103;
}
