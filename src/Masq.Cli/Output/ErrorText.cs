using Masq.Lib.Ui;

namespace Masq.Cli.Output;

/// <summary>The stderr texts of failed commands.</summary>
internal static class ErrorText
{
    public const string ErraticPrefix = "Node or Daemon is acting erratically: ";

    public const string DaemonGone = "\nThe Daemon is no longer running; masq is terminating.\n\n";

    /// <summary>Printed (to stdout: nothing went wrong) when the Node masq was connected to directly has shut down.</summary>
    public const string NodeGone = "\nThe Node has shut down; masq is terminating.\n\n";

    /// <summary><c>&lt;msg&gt; (Code XXXX_XXXX_XXXX_XXXX)</c>.</summary>
    public static string ForCode(ulong code, string message) => $"{message} (Code {UiErrorCodes.Format(code)})";

    public static string ConnectionProblem(string message) => "Connection problem: " + message;

    public static string TransmissionProblem(string message) => "Transmission problem: " + message;

    public static string Erratic(string message) =>
        message.StartsWith(ErraticPrefix, StringComparison.Ordinal) ? message : ErraticPrefix + message;

    public static string CannotConnect(string reason) =>
        $"Can't connect to Daemon or Node ({reason}). Probably this means the Daemon isn't running.";
}
