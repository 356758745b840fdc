namespace Masq.Daemon.Launcher;

/// <summary>Either a running Node (<see cref="Node"/>) or why it could not be launched (<see cref="Failure"/>).</summary>
public sealed record NodeLaunchResult(LaunchedNode? Node, string? Failure)
{
    public static NodeLaunchResult Success(LaunchedNode node) => new(node, null);

    public static NodeLaunchResult Failed(string failure) => new(null, failure);
}
