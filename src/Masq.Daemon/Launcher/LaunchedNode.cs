namespace Masq.Daemon.Launcher;

/// <summary>A Node process the Daemon started.</summary>
public sealed record LaunchedNode(int ProcessId, int UiPort, Func<bool> IsAlive);
