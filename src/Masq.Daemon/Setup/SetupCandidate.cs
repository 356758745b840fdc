using Masq.Lib.Configuration;

namespace Masq.Daemon.Setup;

/// <summary>A value computed for the setup space, with its status and the source it counts as for validation.</summary>
/// <param name="Detail">The variable's name or the configuration file's path (see <see cref="ResolvedValue.Detail"/>).</param>
/// <param name="Line">The line in the configuration file, or 0.</param>
internal sealed record SetupCandidate(string Value, SetupStatus Status, ValueSource Source, string? Detail = null, int Line = 0)
{
    /// <summary>What the setup table shows as the source: a Set value was set through setup (masq or the dashboard).</summary>
    public string Origin => Status == SetupStatus.Set ? SetupOrigin : ResolvedValue.Describe(Source, Detail, Line);

    public const string SetupOrigin = "setup";

    public ResolvedValue ToResolved(string value) => new(value, Source, Detail, Line);
}
