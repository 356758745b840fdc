namespace Masq.Daemon.Launcher;

/// <summary>How a launched Node ended.</summary>
/// <param name="ExitCode">The exit code; on Unix a process killed by signal N reports 128 + N.</param>
/// <param name="StandardErrorTail">The last lines the Node wrote to stderr.</param>
public sealed record NodeExit(int ProcessId, int ExitCode, string StandardErrorTail);
