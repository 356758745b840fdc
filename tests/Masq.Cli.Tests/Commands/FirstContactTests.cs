using Masq.Cli.Commands;
using Masq.Cli.Output;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Commands;

/// <summary>What a newcomer sees first: statuses that are true, errors that fail, typos that get a suggestion.</summary>
public sealed class FirstContactTests
{
    [Fact]
    public async Task A_zero_hop_node_has_no_descriptor_and_says_so()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiDescriptorResponse(null, "zero-hop"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("descriptor"));

        Assert.Equal(DescriptorCommand.ZeroHop + "\n", harness.Stdout);
        Assert.DoesNotContain("try again later", harness.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standard_node_without_a_descriptor_yet_says_to_try_again()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiDescriptorResponse(null, "standard"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("descriptor"));

        Assert.Equal(DescriptorCommand.NotYetAvailable + "\n", harness.Stdout);
    }

    [Fact]
    public async Task A_zero_hop_node_is_not_called_not_connected()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiConnectionStatusResponse(UiConnectionStage.NotConnected, "zero-hop"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("connection-status"));

        Assert.Equal(ConnectionStageText.ZeroHop + "\n", harness.Stdout);
        Assert.DoesNotContain("NotConnected", harness.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_with_errors_prints_the_table_and_fails()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiSetupResponse(
            false,
            [new UiSetupResponseValue("gas-price", "1", SetupStatus.Default, "default")],
            [new UiSetupError("gas-price", "Configuration file \"/x/config.toml\", line 2: Invalid value 'abc'")]));

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("setup"));

        Assert.Contains("ERRORS:\ngas-price", harness.Stdout, StringComparison.Ordinal);
        Assert.Contains("config.toml\", line 2", harness.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_directory_note_appears_when_a_chain_change_moved_the_data_directory()
    {
        var harness = new CommandHarness();
        harness.Transport
            .Answer(Setup("base-mainnet", "/home/booga/.local/share/MASQ/base-mainnet"))
            .Answer(Setup("polygon-amoy", "/home/booga/.local/share/MASQ/polygon-amoy"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("setup --chain polygon-amoy"));

        Assert.Equal(["{\"values\":[]}", "{\"values\":[{\"name\":\"chain\",\"value\":\"polygon-amoy\"}]}"], harness.Transport.Sent.Select(e => e.PayloadJson));
        Assert.Contains(SetupTableFormatter.DataDirectoryNote, harness.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_data_directory_note_when_nothing_moved()
    {
        var harness = new CommandHarness();
        harness.Transport
            .Answer(Setup("polygon-amoy", "/home/booga/.local/share/MASQ/polygon-amoy"))
            .Answer(Setup("polygon-amoy", "/home/booga/.local/share/MASQ/polygon-amoy"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("setup --chain polygon-amoy"));

        Assert.DoesNotContain(SetupTableFormatter.DataDirectoryNote, harness.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setup_that_does_not_touch_the_chain_asks_once_and_never_notes_the_data_directory()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(Setup("polygon-amoy", "/home/booga/.local/share/MASQ/polygon-amoy", SetupStatus.Set));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("setup --log-level debug"));

        Assert.Single(harness.Transport.Sent);
        Assert.DoesNotContain(SetupTableFormatter.DataDirectoryNote, harness.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shutdwn", "shutdown")]
    [InlineData("setpu", "setup")]
    [InlineData("descripter", "descriptor")]
    [InlineData("conection-status", "connection-status")]
    [InlineData("hlep", "help")]
    public void A_typo_gets_a_suggestion(string typed, string meant)
    {
        var error = CommandHarness.ParseError(typed);

        Assert.Equal($"Unknown command '{typed}'. Did you mean '{meant}'?", error);
    }

    [Theory]
    [InlineData("booga")]
    [InlineData("uninvented-command")]
    [InlineData("x")]
    public void A_word_far_from_every_command_gets_no_suggestion(string typed)
    {
        var error = CommandHarness.ParseError(typed);

        Assert.StartsWith($"Unrecognized command: '{typed}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shutdown", "shutdown", 0)]
    [InlineData("shutdwn", "shutdown", 1)]
    [InlineData("sutdhown", "shutdown", 2)]
    [InlineData("hsutdown", "shutdown", 1)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_a_swap_as_one_edit(string a, string b, int distance) =>
        Assert.Equal(distance, Masq.Cli.Commands.Parsing.CommandSuggester.Distance(a, b));

    private static UiSetupResponse Setup(string chain, string directory, SetupStatus chainStatus = SetupStatus.Set) =>
        new(false,
            [
                new UiSetupResponseValue("chain", chain, chainStatus, "setup"),
                new UiSetupResponseValue("data-directory", directory, SetupStatus.Default, "default"),
            ],
            []);
}
