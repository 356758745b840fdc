using System.Text;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Output;

/// <summary>What <c>exit-location</c> prints.</summary>
internal static class ExitLocationFormatter
{
    public const string NoCountries = "No countries available for exit-location!";

    /// <summary>The stdout text, and a stderr line when <c>--show-countries</c> found no countries.</summary>
    public static ConsoleText Format(UiExitLocationResponse response)
    {
        if (response.ExitCountries is { } countries)
        {
            return countries.Count > 0
                ? ConsoleText.Out($"Countries available for exit-location: {List(countries)}\n")
                : ConsoleText.Err(NoCountries + "\n");
        }
        var text = new StringBuilder();
        text.Append(response.FallbackRouting ? "Fallback Routing is set.\n" : "Fallback Routing NOT set.\n");
        if (response.MissingCountries.Count > 0)
        {
            text.Append("Following countries are missing in Database: ").Append(List(response.MissingCountries)).Append('\n');
        }
        if (response.ExitCountrySelection.Count > 0)
        {
            text.Append("Exit location set: ");
            foreach (var group in response.ExitCountrySelection.OrderBy(g => g.Priority))
            {
                text.Append("Country Codes: ").Append(List(group.CountryCodes)).Append(" - Priority: ").Append(group.Priority).Append("; ");
            }
            text.Append('\n');
        }
        else
        {
            text.Append("Exit location is Unset.\n");
        }
        return ConsoleText.Out(text.ToString());
    }

    /// <summary><c>["CZ", "SK"]</c>.</summary>
    public static string List(IEnumerable<string> codes) => "[" + string.Join(", ", codes.Select(c => "\"" + c + "\"")) + "]";
}
