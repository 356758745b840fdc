using System.Reflection;
using System.Text;
using Masq.Lib.Configuration;

namespace Masq.Node.Hosting;

/// <summary>What <c>MASQNode --help</c> and <c>MASQNode --version</c> print: the parameters from the schema, briefly.</summary>
internal static class NodeHelp
{
    public static bool IsHelp(string argument) => argument is "--help" or "-h";

    public static bool IsVersion(string argument) => argument is "--version" or "-V";

    public static string Version { get; } = "MASQNode " + (
        typeof(NodeHelp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(NodeHelp).Assembly.GetName().Version?.ToString(3)
        ?? "1.0.0");

    public static string Text { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder();
        text.Append(Version).Append('\n')
            .Append("MASQ Node: a privacy mesh proxy. Usually started through the Daemon, not by hand:\n\n")
            .Append("    MASQNode --initialization               run the Daemon (then use 'masq setup' and 'masq start')\n")
            .Append("    MASQNode [--<parameter> <value>]...     run a Node directly\n")
            .Append("    MASQNode --help | --version\n\n")
            .Append("Each parameter may also come from the environment (MASQ_<NAME>, e.g. MASQ_LOG_LEVEL) or from\n")
            .Append("config.toml in the data directory (name = value); the command line wins, then the environment,\n")
            .Append("then the file, then the database, then the default.\n\n")
            .Append("Parameters:\n");
        foreach (var parameter in SetupParameters.All.Where(p => !p.IsHidden).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append("    --").Append(parameter.Name.PadRight(24)).Append(' ').Append(parameter.ValueFormat).Append('\n')
                .Append("        ").Append(parameter.Description).Append('\n');
        }
        return text.ToString();
    }
}
