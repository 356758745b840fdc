using System.Text;
using Masq.Lib.Configuration;

namespace Masq.Node.Configuration;

/// <summary>
/// How the Node process resolves its configuration: its own command line and environment, the configuration file,
/// and (once the database is open) the values stored there, on top of this machine's defaults.
/// </summary>
internal static class NodeConfigurationLoader
{
    private static readonly IReadOnlyDictionary<string, string> NoDatabaseValues = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <param name="args">The Node's arguments (without the program name).</param>
    /// <param name="databaseValues">Null before the database is open.</param>
    public static NodeConfigurationResult Load(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? databaseValues = null) =>
        NodeConfigurationResolver.Resolve(args, HostFacts.CaptureEnvironment(), databaseValues ?? NoDatabaseValues, HostFacts.Capture());

    /// <summary>The text the Node writes to stderr before exiting with code 1 on invalid configuration.</summary>
    public static string FormatErrors(IReadOnlyList<ConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = new StringBuilder("Configuration error").Append('\n');
        foreach (var error in errors)
        {
            text.Append(error.Parameter).Append(" - ").Append(error.Reason).Append('\n');
        }

        return text.ToString();
    }
}
