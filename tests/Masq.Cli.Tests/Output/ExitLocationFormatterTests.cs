using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Output;

public sealed class ExitLocationFormatterTests
{
    [Fact]
    public void A_selection_lists_groups_by_priority()
    {
        var response = new UiExitLocationResponse(
            false,
            [new UiCountryGroup(["FR"], 2), new UiCountryGroup(["CZ", "SK"], 1)],
            ["SK"]);

        var text = ExitLocationFormatter.Format(response);

        Assert.Equal(
            ConsoleText.Out(
                "Fallback Routing NOT set.\n"
                + "Following countries are missing in Database: [\"SK\"]\n"
                + "Exit location set: Country Codes: [\"CZ\", \"SK\"] - Priority: 1; Country Codes: [\"FR\"] - Priority: 2; \n"),
            text);
    }

    [Fact]
    public void No_selection_is_unset()
    {
        var text = ExitLocationFormatter.Format(new UiExitLocationResponse(true, [], []));

        Assert.Equal(ConsoleText.Out("Fallback Routing is set.\nExit location is Unset.\n"), text);
    }

    [Fact]
    public void Show_countries_lists_them_or_complains_on_stderr()
    {
        Assert.Equal(
            ConsoleText.Out("Countries available for exit-location: [\"AT\", \"CZ\"]\n"),
            ExitLocationFormatter.Format(new UiExitLocationResponse(true, [], [], ["AT", "CZ"])));
        Assert.Equal(
            ConsoleText.Err("No countries available for exit-location!\n"),
            ExitLocationFormatter.Format(new UiExitLocationResponse(true, [], [], [])));
    }
}
