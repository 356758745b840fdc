using Masq.Dashboard.State;

namespace Masq.Dashboard.Model;

/// <summary>One-line descriptions of the Node's state.</summary>
public static class NodeText
{
    public static string Describe(NodeStatus node) => node.State switch
    {
        NodeRunState.Unknown => "state unknown",
        NodeRunState.NotRunning => "not running",
        NodeRunState.Starting => "starting…",
        NodeRunState.Running => node.ProcessId is { } pid ? $"running (process {pid})" : "running",
        NodeRunState.ShuttingDown => "shutting down…",
        NodeRunState.Crashed => $"crashed{(node.ProcessId is { } p ? $" (process {p})" : string.Empty)}: {UiText.DescribeCrash(node.CrashReason)}",
        _ => node.State.ToString(),
    };
}
