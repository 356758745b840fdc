using System.Globalization;
using Masq.Lib.Ui;

namespace Masq.Cli.Commands.Parsing;

/// <summary>
/// Parses <c>masq [--ui-port P] [-h|--help] [-V|--version] [subcommand …]</c>: masq's own options come first; the
/// first word that is not one of them starts the subcommand, and everything after it belongs to the subcommand.
/// </summary>
internal static class GlobalArgumentsParser
{
    public static bool TryParse(IReadOnlyList<string> args, out GlobalArguments arguments, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = UiProtocol.DefaultUiPort;
        var portGiven = false;
        var help = false;
        var version = false;
        arguments = new GlobalArguments(port, false, false, null);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? portText = null;
            if (arg == "--ui-port")
            {
                if (i + 1 >= args.Count)
                {
                    error = "Option '--ui-port' needs a value";
                    return false;
                }
                portText = args[++i];
            }
            else if (arg.StartsWith("--ui-port=", StringComparison.Ordinal))
            {
                portText = arg["--ui-port=".Length..];
            }
            else if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }
            else if (arg is "--version" or "-V")
            {
                version = true;
                continue;
            }
            else if (arg.StartsWith('-'))
            {
                error = $"Unknown option '{arg}'; run 'masq --help' for the options and subcommands";
                return false;
            }
            else
            {
                arguments = new GlobalArguments(port, help, version, args.Skip(i).ToList());
                error = string.Empty;
                return true;
            }
            if (portGiven)
            {
                error = "Option '--ui-port' is given more than once";
                return false;
            }
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < UiProtocol.MinUiPort || port > 65535)
            {
                error = $"Invalid value for '--ui-port': '{portText}' (expected a port number from {UiProtocol.MinUiPort} to 65535)";
                return false;
            }
            portGiven = true;
        }
        arguments = new GlobalArguments(port, help, version, null);
        error = string.Empty;
        return true;
    }
}
