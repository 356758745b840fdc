using System.Text;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Output;

/// <summary>The table <c>setup</c> prints, and the setup broadcast.</summary>
internal static class SetupTableFormatter
{
    public const string RunningNote = "NOTE: no changes were made to the setup because the Node is currently running.";

    public const string DataDirectoryNote = "NOTE: your data directory was modified to match the chain parameter.";

    public const string BroadcastHeading = "\nDaemon setup has changed:\n\n";

    private const int NameWidth = 29;

    private const int ValueWidth = 64;

    /// <summary>
    /// <c>{name:29} {value:64} {status}</c> rows under a <c>NAME VALUE STATUS</c> header, sorted by name, a blank line,
    /// then the errors (if any) and the notes.
    /// </summary>
    public static string Format(UiSetupResponse response)
    {
        var text = new StringBuilder();
        AppendRow(text, "NAME", "VALUE", "STATUS");
        foreach (var value in response.Values.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            AppendRow(text, value.Name, value.Value, value.Status.ToString());
        }
        text.Append('\n');
        if (response.Errors.Count > 0)
        {
            text.Append("ERRORS:\n");
            foreach (var error in response.Errors)
            {
                text.Append(error.Parameter.PadRight(NameWidth)).Append(' ').Append(error.Reason).Append('\n');
            }
            text.Append('\n');
        }
        if (response.Running)
        {
            text.Append(RunningNote).Append("\n\n");
        }
        if (response.Values.Any(v => v.Name is "chain" or "data-directory" && v.Status != SetupStatus.Default))
        {
            text.Append(DataDirectoryNote).Append("\n\n");
        }
        return text.ToString();
    }

    /// <summary>The text printed when another client changed the setup.</summary>
    public static string FormatBroadcast(UiSetupResponse broadcast) => BroadcastHeading + Format(broadcast);

    private static void AppendRow(StringBuilder text, string name, string value, string status) =>
        text.Append(name.PadRight(NameWidth)).Append(' ').Append(value.PadRight(ValueWidth)).Append(' ').Append(status).Append('\n');
}
