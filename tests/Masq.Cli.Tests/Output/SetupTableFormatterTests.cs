using Masq.Cli.Output;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Output;

public sealed class SetupTableFormatterTests
{
    private static string Row(string name, string value, string status) => $"{name,-29} {value,-64} {status}\n";

    [Fact]
    public void Rows_are_sorted_and_padded_to_29_and_64_columns()
    {
        var response = new UiSetupResponse(
            false,
            [
                new UiSetupResponseValue("neighborhood-mode", "zero-hop", SetupStatus.Set),
                new UiSetupResponseValue("chain", "base-mainnet", SetupStatus.Default),
                new UiSetupResponseValue("neighbors", "masq://eth-mainnet:95VjByq5tEUUpDcczA__zXWGE6-7YFEvzN4CDVoPbWw@13.23.13.23:4545", SetupStatus.Set),
                new UiSetupResponseValue("db-password", "****************", SetupStatus.Set),
            ],
            []);

        var text = SetupTableFormatter.Format(response);

        Assert.Equal(
            "NAME                          VALUE                                                            STATUS\n"
            + "chain                         base-mainnet                                                     Default\n"
            + "db-password                   ****************                                                 Set\n"
            + "neighborhood-mode             zero-hop                                                         Set\n"
            + "neighbors                     masq://eth-mainnet:95VjByq5tEUUpDcczA__zXWGE6-7YFEvzN4CDVoPbWw@13.23.13.23:4545 Set\n"
            + "\n",
            text);
    }

    [Fact]
    public void Errors_and_the_running_note_follow_the_rows()
    {
        var response = new UiSetupResponse(
            true,
            [new UiSetupResponseValue("clandestine-port", "8534", SetupStatus.Configured)],
            [new UiSetupError("ip", "Nosir, I don't like it."), new UiSetupError("gas-price", "Invalid value: 0")]);

        var text = SetupTableFormatter.Format(response);

        Assert.Equal(
            Row("NAME", "VALUE", "STATUS")
            + Row("clandestine-port", "8534", "Configured")
            + "\n"
            + "ERRORS:\n"
            + "ip                            Nosir, I don't like it.\n"
            + "gas-price                     Invalid value: 0\n"
            + "\n"
            + "NOTE: no changes were made to the setup because the Node is currently running.\n\n",
            text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_data_directory_note_appears_only_when_the_data_directory_changed(bool changed)
    {
        var response = new UiSetupResponse(
            false,
            [
                new UiSetupResponseValue("chain", "polygon-amoy", SetupStatus.Set),
                new UiSetupResponseValue("data-directory", "/home/booga/masqhome/polygon-amoy", SetupStatus.Default),
            ],
            []);

        var text = SetupTableFormatter.Format(response, changed);

        Assert.Equal(changed, text.Contains(SetupTableFormatter.DataDirectoryNote, StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_get_their_own_column_when_the_Daemon_gives_them()
    {
        var response = new UiSetupResponse(
            false,
            [
                new UiSetupResponseValue("gas-price", "7", SetupStatus.Configured, "MASQ_GAS_PRICE"),
                new UiSetupResponseValue("log-level", "debug", SetupStatus.Configured, "config.toml:3"),
                new UiSetupResponseValue("neighbors", "", SetupStatus.Blank),
                new UiSetupResponseValue("scans", "on", SetupStatus.Default, "default"),
            ],
            []);

        var text = SetupTableFormatter.Format(response);

        Assert.Equal(
            $"{"NAME",-29} {"VALUE",-64} STATUS     SOURCE\n"
            + $"{"gas-price",-29} {"7",-64} Configured MASQ_GAS_PRICE\n"
            + $"{"log-level",-29} {"debug",-64} Configured config.toml:3\n"
            + $"{"neighbors",-29} {"",-64} Blank\n"
            + $"{"scans",-29} {"on",-64} Default    default\n"
            + "\n",
            text);
    }

    [Fact]
    public void The_broadcast_has_its_heading()
    {
        var response = new UiSetupResponse(false, [new UiSetupResponseValue("chain", "dev", SetupStatus.Default)], []);

        Assert.Equal("\nDaemon setup has changed:\n\n" + SetupTableFormatter.Format(response), SetupTableFormatter.FormatBroadcast(response));
    }
}
