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
    [InlineData(SetupStatus.Set, SetupStatus.Default, true)]
    [InlineData(SetupStatus.Default, SetupStatus.Configured, true)]
    [InlineData(SetupStatus.Default, SetupStatus.Default, false)]
    public void The_data_directory_note_appears_when_chain_or_data_directory_is_not_default(SetupStatus chain, SetupStatus directory, bool noted)
    {
        var response = new UiSetupResponse(
            false,
            [
                new UiSetupResponseValue("chain", "polygon-amoy", chain),
                new UiSetupResponseValue("data-directory", "/home/booga/masqhome/polygon-amoy", directory),
            ],
            []);

        var text = SetupTableFormatter.Format(response);

        Assert.Equal(noted, text.EndsWith("\nNOTE: your data directory was modified to match the chain parameter.\n\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_broadcast_has_its_heading()
    {
        var response = new UiSetupResponse(false, [new UiSetupResponseValue("chain", "dev", SetupStatus.Default)], []);

        Assert.Equal("\nDaemon setup has changed:\n\n" + SetupTableFormatter.Format(response), SetupTableFormatter.FormatBroadcast(response));
    }
}
