namespace Masq.Daemon.Launcher;

/// <summary>Starts a Node process and verifies that its UI hub answers.</summary>
public interface INodeLauncher
{
    /// <param name="arguments">The Node's <c>--name value</c> arguments (without <c>--ui-port</c>, which the launcher picks).</param>
    /// <param name="onExit">Called once when the launched process exits (not called when launching fails).</param>
    Task<NodeLaunchResult> LaunchAsync(IReadOnlyList<string> arguments, Action<NodeExit> onExit, CancellationToken cancellationToken);
}
