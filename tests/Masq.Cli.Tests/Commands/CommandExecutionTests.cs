using Masq.Cli.Commands;
using Masq.Cli.Output;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Commands;

public sealed class CommandExecutionTests
{
    private const string NotRunningMessage = "Cannot handle descriptor request: Node is not running";

    private static UiEnvelope Single(FakeUiTransport transport) => Assert.Single(transport.Sent);

    [Fact]
    public async Task Setup_sends_sorted_values_waits_30_seconds_and_prints_the_table()
    {
        var harness = new CommandHarness();
        var response = new UiSetupResponse(false, [new UiSetupResponseValue("neighborhood-mode", "zero-hop", SetupStatus.Set)], []);
        harness.Transport.Answer(response);

        var result = await harness.RunAsync("setup --neighborhood-mode zero-hop --log-level");

        Assert.Equal(CommandResult.Success, result);
        var sent = Single(harness.Transport);
        Assert.Equal(Opcodes.Setup, sent.Opcode);
        Assert.Equal(
            [new UiSetupRequestValue("log-level", null), new UiSetupRequestValue("neighborhood-mode", "zero-hop")],
            sent.GetPayload<UiSetupRequest>().Values);
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(harness.Transport.Timeouts));
        Assert.Equal(SetupTableFormatter.Format(response), harness.Stdout);
        Assert.Equal(string.Empty, harness.Stderr);
    }

    [Fact]
    public async Task Start_prints_the_process_and_port()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiStartResponse(4321, 32768));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("start"));

        Assert.Equal("MASQNode successfully started in process 4321 on port 32768\n", harness.Stdout);
        Assert.Equal(CommandTimeouts.Start, Assert.Single(harness.Transport.Timeouts));
        Assert.Equal(Opcodes.Start, Single(harness.Transport).Opcode);
    }

    [Fact]
    public async Task Start_failures_show_the_error_code()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.NodeAlreadyRunning, "Could not launch Node: already running");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("start"));

        Assert.Equal("Could not launch Node: already running (Code 8000_0000_0000_0003)\n", harness.Stderr);
        Assert.Equal(string.Empty, harness.Stdout);
    }

    [Theory]
    [InlineData("masq://base-mainnet:AQIDBA@1.2.3.4:1234", "masq://base-mainnet:AQIDBA@1.2.3.4:1234\n")]
    [InlineData(null, "Node descriptor is not yet available; try again later\n")]
    public async Task Descriptor_prints_the_descriptor_or_says_it_is_not_known_yet(string? descriptor, string expected)
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiDescriptorResponse(descriptor));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("descriptor"));

        Assert.Equal(expected, harness.Stdout);
        Assert.Equal(CommandTimeouts.Standard, Assert.Single(harness.Transport.Timeouts));
    }

    [Theory]
    [InlineData("descriptor", "MASQNode is not running; therefore its descriptor cannot be displayed.")]
    [InlineData("configuration", "MASQNode is not running; therefore its configuration cannot be displayed.")]
    [InlineData("connection-status", "MASQNode is not running; therefore its connection status cannot be displayed.")]
    [InlineData("shutdown", "MASQNode is not running; therefore it cannot be shut down")]
    public async Task Node_not_running_is_explained_before_the_error(string command, string explanation)
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.NodeNotRunning, NotRunningMessage);

        Assert.Equal(CommandResult.Failure, await harness.RunAsync(command));

        Assert.Equal($"{explanation}\n{NotRunningMessage} (Code 8000_0000_0000_0002)\n", harness.Stderr);
        Assert.Equal(string.Empty, harness.Stdout);
    }

    [Fact]
    public async Task Other_commands_report_node_not_running_as_an_error()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.NodeNotRunning, "Cannot handle financials request: Node is not running");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("financials"));

        Assert.Equal("Cannot handle financials request: Node is not running (Code 8000_0000_0000_0002)\n", harness.Stderr);
    }

    [Theory]
    [InlineData(UiConnectionStage.NotConnected, "NotConnected: No external neighbor is connected to us.\n")]
    [InlineData(UiConnectionStage.ConnectedToNeighbor, "ConnectedToNeighbor: External neighbor(s) are connected to us.\n")]
    [InlineData(UiConnectionStage.RouteFound, "RouteFound: You can relay data over the network.\n")]
    public async Task Connection_status_prints_the_stage(UiConnectionStage stage, string expected)
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiConnectionStatusResponse(stage));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("connection-status"));

        Assert.Equal(expected, harness.Stdout);
        Assert.Equal(Opcodes.ConnectionStatus, Single(harness.Transport).Opcode);
    }

    [Fact]
    public async Task Configuration_sends_the_password_and_prints_the_dump()
    {
        var harness = new CommandHarness();
        var configuration = new UiConfigurationResponse(
            "dev", 1234, "1", 1, "zero-hop", [], new UiPaymentThresholds(1, 2, 3, 4, 5, 6), new UiRatePack(1, 2, 3, 4), new UiScanIntervals(1, 2, 3));
        harness.Transport.Answer(configuration);

        Assert.Equal(CommandResult.Success, await harness.RunAsync("configuration secret"));

        Assert.Equal("secret", Single(harness.Transport).GetPayload<UiConfigurationRequest>().DbPasswordOpt);
        Assert.Equal(ConfigurationFormatter.Format(configuration), harness.Stdout);
    }

    [Theory]
    [InlineData(true, "Password is correct\n")]
    [InlineData(false, "Password is incorrect\n")]
    public async Task Check_password_says_whether_it_matches(bool matches, string expected)
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiCheckPasswordResponse(matches));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("check-password booga"));

        Assert.Equal(expected, harness.Stdout);
        Assert.Equal("booga", Single(harness.Transport).GetPayload<UiCheckPasswordRequest>().DbPasswordOpt);
    }

    [Fact]
    public async Task Check_password_without_a_terminal_checks_for_no_password()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiCheckPasswordResponse(true));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("check-password"));

        Assert.Null(Single(harness.Transport).GetPayload<UiCheckPasswordRequest>().DbPasswordOpt);
        Assert.Empty(harness.Secrets.Prompts);
    }

    [Theory]
    [InlineData("typed", "typed")]
    [InlineData("", null)]
    public async Task Check_password_at_a_terminal_asks_for_the_password(string typed, string? sent)
    {
        var harness = new CommandHarness(secrets: new FakeSecretReader(true, typed));
        harness.Transport.Answer(new UiCheckPasswordResponse(true));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("check-password", canPrompt: true));

        Assert.Equal(sent, Single(harness.Transport).GetPayload<UiCheckPasswordRequest>().DbPasswordOpt);
        Assert.Single(harness.Secrets.Prompts);
        Assert.DoesNotContain("typed", harness.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_password_sends_no_old_password()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiChangePasswordResponse());

        Assert.Equal(CommandResult.Success, await harness.RunAsync("set-password s3cret"));

        Assert.Equal(new UiChangePasswordRequest("s3cret", null), Single(harness.Transport).GetPayload<UiChangePasswordRequest>());
        Assert.Equal("Database password has been changed\n", harness.Stdout);
    }

    [Fact]
    public async Task Set_password_at_a_terminal_asks_twice()
    {
        var harness = new CommandHarness(secrets: new FakeSecretReader(true, "typed", "typed"));
        harness.Transport.Answer(new UiChangePasswordResponse());

        Assert.Equal(CommandResult.Success, await harness.RunAsync("set-password", canPrompt: true));

        Assert.Equal(new UiChangePasswordRequest("typed", null), Single(harness.Transport).GetPayload<UiChangePasswordRequest>());
        Assert.Equal(["New database password: ", "Confirm the new database password: "], harness.Secrets.Prompts);
        Assert.Equal("Database password has been changed\n", harness.Stdout);
    }

    [Theory]
    [InlineData("one", "two", "The passwords do not match; nothing was changed.\n")]
    [InlineData("", "", "The new password must not be empty.\n")]
    [InlineData(null, null, "No password was entered.\n")]
    public async Task Set_password_prompts_can_fail(string? first, string? second, string expected)
    {
        var harness = new CommandHarness(secrets: new FakeSecretReader(true, first, second));

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("set-password", canPrompt: true));

        Assert.Equal(expected, harness.Stderr);
        Assert.Empty(harness.Transport.Sent);
    }

    [Fact]
    public async Task Change_password_sends_both_passwords()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiChangePasswordResponse());

        Assert.Equal(CommandResult.Success, await harness.RunAsync("change-password old new"));

        Assert.Equal(new UiChangePasswordRequest("new", "old"), Single(harness.Transport).GetPayload<UiChangePasswordRequest>());
        Assert.Equal("Database password has been changed\n", harness.Stdout);
    }

    [Fact]
    public async Task Change_password_at_a_terminal_asks_for_what_is_missing()
    {
        var harness = new CommandHarness(secrets: new FakeSecretReader(true, "new", "new"));
        harness.Transport.Answer(new UiChangePasswordResponse());

        Assert.Equal(CommandResult.Success, await harness.RunAsync("change-password old", canPrompt: true));

        Assert.Equal(new UiChangePasswordRequest("new", "old"), Single(harness.Transport).GetPayload<UiChangePasswordRequest>());
        Assert.Equal(2, harness.Secrets.Prompts.Count);
    }

    [Fact]
    public async Task Change_password_with_the_wrong_old_password_fails()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.ConfiguratorWrite, "PasswordError");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("change-password bad new"));

        Assert.Equal("PasswordError (Code 0001_0000_0000_0002)\n", harness.Stderr);
    }

    [Fact]
    public async Task Generate_wallets_prints_the_phrase_and_both_wallets()
    {
        var harness = new CommandHarness();
        var response = new UiGenerateWalletsResponse("0xc0", "C0", "0xea", "EA", ["a", "b"]);
        harness.Transport.Answer(response);

        Assert.Equal(CommandResult.Success, await harness.RunAsync("generate-wallets --db-password pw --consuming-path p --earning-path q --passphrase x"));

        Assert.Equal(
            new UiGenerateWalletsRequest("pw", new UiGenerateSeedSpec(12, "English", "x"), "p", "q"),
            Single(harness.Transport).GetPayload<UiGenerateWalletsRequest>());
        Assert.Equal(WalletFormatter.GeneratedWallets(response), harness.Stdout);
    }

    [Fact]
    public async Task Generate_wallets_at_a_terminal_asks_for_the_password()
    {
        var harness = new CommandHarness(secrets: new FakeSecretReader(true, "typed"));
        harness.Transport.Answer(new UiGenerateWalletsResponse("0xc0", "C0", "0xea", "EA"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("generate-wallets", canPrompt: true));

        Assert.Equal("typed", Single(harness.Transport).GetPayload<UiGenerateWalletsRequest>().DbPassword);
        Assert.Null(Single(harness.Transport).GetPayload<UiGenerateWalletsRequest>().SeedSpecOpt);
        Assert.Equal(["Database password: "], harness.Secrets.Prompts);
    }

    [Fact]
    public async Task Generate_wallets_reports_a_bad_password()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.BadPassword, "Bad password; can't generate wallets");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("generate-wallets --db-password pw"));

        Assert.Equal("Bad password; can't generate wallets (Code 0001_0000_0000_0006)\n", harness.Stderr);
    }

    [Fact]
    public async Task Recover_wallets_sends_the_seed_and_paths()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiRecoverWalletsResponse());
        const string phrase = "one two three four five six seven eight nine ten eleven twelve";

        Assert.Equal(CommandResult.Success, await harness.RunAsync($"recover-wallets --db-password pw --mnemonic-phrase '{phrase}' --consuming-path p --earning-path q"));

        var request = Single(harness.Transport).GetPayload<UiRecoverWalletsRequest>();
        Assert.Equal("pw", request.DbPassword);
        Assert.Equal(phrase.Split(' '), request.SeedSpecOpt!.MnemonicPhrase);
        Assert.Equal("English", request.SeedSpecOpt.MnemonicPhraseLanguageOpt);
        Assert.Equal(("p", "q"), (request.ConsumingDerivationPathOpt, request.EarningDerivationPathOpt));
        Assert.Null(request.ConsumingPrivateKeyOpt);
        Assert.Equal("Wallets were successfully recovered\n", harness.Stdout);
    }

    [Fact]
    public async Task Wallet_addresses_prints_both_addresses()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiWalletAddressesResponse("0xc0", "0xea"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("wallet-addresses pw"));

        Assert.Equal("pw", Single(harness.Transport).GetPayload<UiWalletAddressesRequest>().DbPassword);
        Assert.Equal("Your consuming wallet address: 0xc0\nYour   earning wallet address: 0xea\n", harness.Stdout);
    }

    [Fact]
    public async Task Set_configuration_sends_the_name_without_dashes()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiSetConfigurationResponse());

        Assert.Equal(CommandResult.Success, await harness.RunAsync("set-configuration --min-hops 4"));

        Assert.Equal(new UiSetConfigurationRequest("min-hops", "4"), Single(harness.Transport).GetPayload<UiSetConfigurationRequest>());
        Assert.Equal("Parameter was successfully set\n", harness.Stdout);
    }

    [Fact]
    public async Task Set_configuration_reports_the_nodes_refusal()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.NonParsableValue, "start-block: latest");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("set-configuration --start-block latest"));

        Assert.Equal("start-block: latest (Code 0001_0000_0000_000C)\n", harness.Stderr);
    }

    [Fact]
    public async Task Financials_sends_the_request_and_lays_out_the_answer()
    {
        var harness = new CommandHarness();
        var response = new UiFinancialsResponse(new UiFinancialStatistics(1, 2, 3, 4), new UiQueryResults([], []));
        harness.Transport.Answer(response);

        Assert.Equal(CommandResult.Success, await harness.RunAsync("financials --top 3 --gwei"));

        var request = Single(harness.Transport).GetPayload<UiFinancialsRequest>();
        Assert.Equal(new UiTopRecordsConfig(3, UiTopRecordsOrdering.Balance), request.TopRecordsOpt);
        Assert.Equal(FinancialsFormatter.Format(response, new FinancialsLayout(true, 3, null, null)), harness.Stdout);
        Assert.Contains("Financial status totals in gwei", harness.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Financials_limit_errors_come_from_the_node()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.ValueExceedsAllowedLimit, "Value too big");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("financials -p \"0-1|0-1\""));

        Assert.Equal("Value too big (Code 0040_0000_0000_0003)\n", harness.Stderr);
    }

    [Fact]
    public async Task Scan_waits_ten_seconds_and_prints_what_the_Node_did()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiScanResponse("PendingPayables scan: Scan results: Successful: 1, Pending: 0, Failed: 0"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("scan pendingpayables"));

        Assert.Equal(new UiScanRequest(UiScanType.PendingPayables), Single(harness.Transport).GetPayload<UiScanRequest>());
        Assert.Equal("{\"scanType\":\"PendingPayables\"}", Single(harness.Transport).PayloadJson);
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.Single(harness.Transport.Timeouts));
        Assert.Equal("PendingPayables scan: Scan results: Successful: 1, Pending: 0, Failed: 0\n", harness.Stdout);
        Assert.Equal(string.Empty, harness.Stderr);
    }

    [Fact]
    public async Task Scan_that_cannot_start_times_out()
    {
        var harness = new CommandHarness();

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("scan payables"));

        Assert.Equal("No response from Node or Daemon after 10000ms (Code 8000_0000_0000_0006)\n", harness.Stderr);
    }

    [Fact]
    public async Task Scan_failures_show_the_scan_error()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.Scan, "Payables scan failed: 'booga'");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("scan payables"));

        Assert.Equal("Payables scan failed: 'booga' (Code 8000_0000_0000_0007)\n", harness.Stderr);
    }

    [Fact]
    public async Task Exit_location_sends_groups_and_prints_the_selection()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiExitLocationResponse(false, [new UiCountryGroup(["CZ"], 1)], []));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("exit-location --country-codes CZ"));

        var request = Single(harness.Transport).GetPayload<UiExitLocationRequest>();
        Assert.False(request.FallbackRouting);
        Assert.Equal(["CZ"], Assert.Single(request.ExitLocations).CountryCodes);
        Assert.Equal("Fallback Routing NOT set.\nExit location set: Country Codes: [\"CZ\"] - Priority: 1; \n", harness.Stdout);
    }

    [Fact]
    public async Task Exit_location_with_no_countries_to_show_complains_on_stderr()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiExitLocationResponse(true, [], [], []));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("exit-location --show-countries"));

        Assert.True(Single(harness.Transport).GetPayload<UiExitLocationRequest>().ShowCountries);
        Assert.Equal("No countries available for exit-location!\n", harness.Stderr);
    }

    [Fact]
    public async Task Exit_location_with_every_country_missing_fails()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerError(UiErrorCodes.ExitCountryMissingCountries, "CZ, SK");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("exit-location --country-codes \"CZ|SK\""));

        Assert.Equal("CZ, SK (Code 8000_0000_0000_0008)\n", harness.Stderr);
    }

    [Fact]
    public async Task Neighborhood_graph_prints_the_dot_text()
    {
        var harness = new CommandHarness();
        harness.Transport.Answer(new UiNeighborhoodGraphResponse("digraph db { \"a\" -> \"b\"; }"));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("neighborhood-graph"));

        Assert.Equal("Graph of the Node's neighborhood database: digraph db { \"a\" -> \"b\"; }\n", harness.Stdout);
    }

    [Fact]
    public async Task A_bad_response_payload_is_erratic()
    {
        var harness = new CommandHarness();
        harness.Transport.AnswerRaw(Opcodes.Start, "{\"newProcessId\":\"x\"}");

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("start"));

        Assert.StartsWith("Node or Daemon is acting erratically: could not read 'start' response:", harness.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_node_connection_is_a_connection_problem()
    {
        var harness = new CommandHarness();
        harness.Transport.Fail(new UiConnectionLostException("The Node's connection closed") { WasNode = true });

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("financials"));

        Assert.Equal("Connection problem: The Node's connection closed\n", harness.Stderr);
    }

    [Fact]
    public async Task A_failed_redirect_is_a_connection_problem()
    {
        var harness = new CommandHarness();
        harness.Transport.Fail(new UiConnectException("Could not follow redirect to the Node on port 40000: refused"));

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("descriptor"));

        Assert.Equal("Connection problem: Could not follow redirect to the Node on port 40000: refused\n", harness.Stderr);
    }

    [Fact]
    public async Task A_send_failure_on_a_live_daemon_is_a_transmission_problem()
    {
        var harness = new CommandHarness();
        harness.Transport.Fail(new IOException("broken pipe"));

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("descriptor"));

        Assert.Equal("Transmission problem: broken pipe\n", harness.Stderr);
    }

    [Fact]
    public async Task A_lost_daemon_connection_ends_masq_without_a_message_of_its_own()
    {
        var harness = new CommandHarness();
        harness.Transport.Fail(new UiConnectionLostException("The Daemon's connection closed") { WasNode = false });

        Assert.Equal(CommandResult.DaemonLost, await harness.RunAsync("setup"));

        Assert.Equal(string.Empty, harness.Stderr);
    }

    [Fact]
    public async Task A_send_failure_after_the_daemon_died_means_the_daemon_is_lost()
    {
        var harness = new CommandHarness();
        harness.Transport.IsDaemonConnected = false;
        harness.Transport.Fail(new InvalidOperationException("The 'SendCoreAsync' method cannot be called if the connection is not active"));

        Assert.Equal(CommandResult.DaemonLost, await harness.RunAsync("descriptor"));
    }
}
