namespace Masq.Daemon.Launcher;

/// <summary>Starts a Node process and verifies that its UI hub answers.</summary>
public interface INodeLauncher
{
    /// <param name="arguments">The Node's <c>--name value</c> arguments (without <c>--ui-port</c>, which the launcher picks).</param>
    /// <param name="environment">Extra environment variables for the Node (the secrets, which must not appear on its command line).</param>
    /// <param name="onExit">Called once when the launched process exits (not called when launching fails).</param>
    Task<NodeLaunchResult> LaunchAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, Action<NodeExit> onExit, CancellationToken cancellationToken);
}
