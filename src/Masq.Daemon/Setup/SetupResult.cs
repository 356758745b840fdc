using Masq.Lib.Configuration;

namespace Masq.Daemon.Setup;

/// <summary>What one <see cref="SetupSpace.Apply"/> did.</summary>
/// <param name="Values">The whole stored cluster, sorted by name, uncensored (see <see cref="SetupSpace.Censor"/>).</param>
/// <param name="Errors">Every problem found; the cluster is stored even when there are some.</param>
/// <param name="Changed">Whether any value differs from before.</param>
/// <param name="ShouldBroadcast">Whether the other UIs must be told: a value changed and the cluster was not empty
/// before (so the very first setup is never broadcast).</param>
public sealed record SetupResult(
    IReadOnlyList<SetupEntry> Values,
    IReadOnlyList<ConfigurationError> Errors,
    bool Changed,
    bool ShouldBroadcast);
