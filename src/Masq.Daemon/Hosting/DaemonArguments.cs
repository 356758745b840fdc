using System.Globalization;
using Masq.Lib.Ui;

namespace Masq.Daemon.Hosting;

/// <summary>The Daemon's own command line: <c>--initialization [--ui-port N] [--data-directory D] [--allow-root]</c>.</summary>
internal sealed record DaemonArguments(int UiPort, string? DataDirectory, bool AllowRoot = false)
{
    public static bool TryParse(IReadOnlyList<string> args, out DaemonArguments parsed, out (string Parameter, string Reason) error)
    {
        var uiPort = UiProtocol.DefaultUiPort;
        string? dataDirectory = null;
        var allowRoot = false;
        parsed = new DaemonArguments(uiPort, null);
        error = default;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--initialization":
                    break;
                case "--allow-root":
                    allowRoot = true;
                    break;
                case "--ui-port":
                    if (i + 1 >= args.Count)
                    {
                        error = ("ui-port", "a port number must follow --ui-port");
                        return false;
                    }
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out uiPort) || uiPort < UiProtocol.MinUiPort || uiPort > 65535)
                    {
                        error = ("ui-port", $"Invalid value: {args[i]} (must be a port number from {UiProtocol.MinUiPort} to 65535)");
                        return false;
                    }
                    break;
                case "--data-directory":
                    if (i + 1 >= args.Count)
                    {
                        error = ("data-directory", "a path must follow --data-directory");
                        return false;
                    }
                    dataDirectory = args[++i];
                    break;
                default:
                    error = (args[i].TrimStart('-'), $"Unrecognized argument for the Daemon: {args[i]}");
                    return false;
            }
        }
        parsed = new DaemonArguments(uiPort, dataDirectory, allowRoot);
        return true;
    }
}
