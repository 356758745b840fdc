namespace Masq.Dashboard.State;

/// <summary>The dashboard's connection to the Daemon.</summary>
/// <param name="Problem">Why the last attempt failed or the link closed.</param>
/// <param name="NextAttemptAt">When the next connection attempt is due, while not connected.</param>
public sealed record DaemonLink(DaemonLinkStatus Status, int Port, string? Problem, DateTimeOffset? NextAttemptAt, DateTimeOffset Since)
{
    public bool IsConnected => Status == DaemonLinkStatus.Connected;
}
