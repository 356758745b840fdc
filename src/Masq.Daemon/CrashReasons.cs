using Masq.Daemon.Launcher;
using Masq.Lib.Ui.Messages;

namespace Masq.Daemon;

/// <summary>Turns a Node's exit into the <c>crashReason</c> of the <c>crashed</c> broadcast.</summary>
internal static class CrashReasons
{
    private const int SignalBase = 128;

    public static CrashReason From(NodeExit exit)
    {
        // A clean exit (a shutdown order, SIGTERM, SIGINT) reads as the reference reads a normal exit: Unrecognized(""),
        // whatever warnings the Node wrote to stderr on its way; UIs take it as a stop, not a crash.
        if (exit.ExitCode == 0)
        {
            return CrashReason.Unrecognized(string.Empty);
        }
        if (!string.IsNullOrWhiteSpace(exit.StandardErrorTail))
        {
            return CrashReason.Unrecognized(exit.StandardErrorTail);
        }
        // Killed by a signal and said nothing: the reference's NoInformation.
        if (exit.ExitCode > SignalBase && !OperatingSystem.IsWindows())
        {
            return CrashReason.NoInformation;
        }
        return CrashReason.Unrecognized($"Node exited with code {exit.ExitCode}");
    }
}
