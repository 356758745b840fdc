using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.State;

/// <summary>What the dashboard knows about the Node process, from start responses, <c>crashed</c> broadcasts and
/// connection losses.</summary>
/// <param name="ProcessId">From the start response or the crashed broadcast; null when the Daemon did not say.</param>
/// <param name="UiPort">The Node's UI port from the start response.</param>
/// <param name="CrashReason">Set when <see cref="State"/> is <see cref="NodeRunState.Crashed"/>.</param>
/// <param name="Detail">A sentence about the last transition (e.g. the launch error).</param>
public sealed record NodeStatus(
    NodeRunState State,
    uint? ProcessId,
    ushort? UiPort,
    CrashReason? CrashReason,
    string? Detail,
    DateTimeOffset Since)
{
    public bool IsRunning => State is NodeRunState.Running;
}
