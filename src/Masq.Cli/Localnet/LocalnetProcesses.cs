using System.Diagnostics;
using System.Globalization;

namespace Masq.Cli.Localnet;

/// <summary>Starts Nodes detached from masq, and finds and stops them again by pid and start time.</summary>
internal static class LocalnetProcesses
{
    /// <summary>How far a process's start time may drift between two readings and still be the same process.</summary>
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs the Node in a session of its own (so a closed terminal does not take it down), with stdin from
    /// /dev/null and stdout and stderr appended to <paramref name="logFile"/>. The shell execs, so the pid is the Node's.
    /// </summary>
    private const string DetachScript =
        "log=$1; shift; " +
        "if command -v setsid >/dev/null 2>&1; then exec setsid \"$@\" </dev/null >>\"$log\" 2>&1; " +
        "else trap '' HUP; exec \"$@\" </dev/null >>\"$log\" 2>&1; fi";

    /// <returns>The Node's process (the caller disposes it).</returns>
    /// <exception cref="InvalidOperationException">The process could not be started.</exception>
    public static Process StartDetached(IReadOnlyList<string> nodeCommand, LocalnetNodeLaunch launch, string logFile)
    {
        ArgumentNullException.ThrowIfNull(nodeCommand);
        ArgumentNullException.ThrowIfNull(launch);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("masq localnet runs on Linux and macOS");
        }
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", DetachScript, "masq-localnet", logFile }.Concat(nodeCommand).Concat(launch.Arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in launch.Environment)
        {
            startInfo.Environment[name] = value;
        }
        if (Environment.IsPrivilegedProcess && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SUDO_UID"))
            && !startInfo.Environment.ContainsKey(Masq.Lib.Configuration.RootPolicy.AllowRootVariable))
        {
            // Logged in as root itself: there is no other user for the Nodes to become, and a Node refuses to stay
            // root unless told it may. Whoever runs masq localnet as root has made that choice (with sudo, they drop).
            startInfo.Environment[Masq.Lib.Configuration.RootPolicy.AllowRootVariable] = "1";
        }
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    public static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;

    /// <summary>Whether the recorded process still runs (and is the same process, not a recycled pid).</summary>
    public static bool IsRunning(int? processId, long? startTicks)
    {
        if (processId is not { } pid)
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited || IsZombie(pid))
            {
                return false;
            }
            return startTicks is not { } ticks || Math.Abs(StartTicks(process) - ticks) <= StartTimeTolerance.Ticks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Kills the process if it still is the recorded one.</summary>
    public static void Kill(int processId, long? startTicks)
    {
        if (!IsRunning(processId, startTicks))
        {
            return;
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone meanwhile.
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end; true if it did.</summary>
    public static async Task<bool> WaitForExitAsync(int processId, long? startTicks, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (IsRunning(processId, startTicks))
        {
            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return false;
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>A killed process whose parent has not reaped it yet still has a pid; on Linux /proc shows it as Z.</summary>
    private static bool IsZombie(int processId)
    {
        var path = "/proc/" + processId.ToString(CultureInfo.InvariantCulture) + "/stat";
        try
        {
            var stat = File.ReadAllText(path);
            var afterName = stat.LastIndexOf(')');
            return afterName >= 0 && afterName + 2 < stat.Length && stat[afterName + 2] is 'Z' or 'X';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
