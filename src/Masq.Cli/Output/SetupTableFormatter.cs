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

    private const int StatusWidth = 10;

    /// <summary>
    /// <c>{name:29} {value:64} {status:10} {source}</c> rows under a <c>NAME VALUE STATUS SOURCE</c> header, sorted by
    /// name, a blank line, then the errors (if any) and the notes. The source column (where each value came from:
    /// <c>MASQ_GAS_PRICE</c>, <c>config.toml:3</c>, <c>database</c>, <c>setup</c>, <c>default</c>) appears only when the
    /// Daemon says.
    /// </summary>
    /// <param name="dataDirectoryChanged">Whether this setup changed the data directory to follow the chain.</param>
    public static string Format(UiSetupResponse response, bool dataDirectoryChanged = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = new StringBuilder();
        var withSources = response.Values.Any(v => v.Source is not null);
        AppendRow(text, "NAME", "VALUE", "STATUS", withSources ? "SOURCE" : null);
        foreach (var value in response.Values.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            AppendRow(text, value.Name, value.Value, value.Status.ToString(), withSources ? value.Source ?? string.Empty : null);
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
        if (dataDirectoryChanged)
        {
            text.Append(DataDirectoryNote).Append("\n\n");
        }
        return text.ToString();
    }

    /// <summary>The text printed when another client changed the setup.</summary>
    public static string FormatBroadcast(UiSetupResponse broadcast) => BroadcastHeading + Format(broadcast);

    private static void AppendRow(StringBuilder text, string name, string value, string status, string? source)
    {
        text.Append(name.PadRight(NameWidth)).Append(' ').Append(value.PadRight(ValueWidth)).Append(' ');
        if (source is null)
        {
            text.Append(status);
        }
        else
        {
            text.Append(status.PadRight(StatusWidth)).Append(' ').Append(source).TrimEndSpaces();
        }
        text.Append('\n');
    }

    private static StringBuilder TrimEndSpaces(this StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
        return text;
    }
}
