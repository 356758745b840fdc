using Masq.Cli.Commands;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Parsing;

public sealed class CommandParserTests
{
    [Fact]
    public void Unknown_commands_are_unrecognized()
    {
        var error = CommandHarness.ParseError("uninvented-command");

        Assert.StartsWith("Unrecognized command: 'uninvented-command'", error, StringComparison.Ordinal);
        Assert.Contains("Found argument 'uninvented-command' which wasn't expected", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_catalogued_command_has_help_that_names_it()
    {
        foreach (var descriptor in CommandCatalog.All)
        {
            var outcome = CommandParser.Parse([descriptor.Name, "--help"], new ParserOptions(false));

            Assert.Equal(ParseOutcomeKind.Text, outcome.Kind);
            Assert.StartsWith($"{descriptor.Name}: {descriptor.Summary}", outcome.Text, StringComparison.Ordinal);
            Assert.Contains("Usage: " + descriptor.Usage, outcome.Text, StringComparison.Ordinal);
            Assert.Contains(descriptor.Name, CommandCatalog.MainHelp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_main_help_lists_every_subcommand_with_its_summary()
    {
        Assert.Contains("SUBCOMMANDS", CommandCatalog.MainHelp, StringComparison.Ordinal);
        Assert.Equal(19, CommandCatalog.All.Count);
        foreach (var descriptor in CommandCatalog.All)
        {
            Assert.Matches($"\n    {descriptor.Name} +{System.Text.RegularExpressions.Regex.Escape(descriptor.Summary)}\n", CommandCatalog.MainHelp);
        }
    }

    [Theory]
    [InlineData("help", "SUBCOMMANDS")]
    [InlineData("help financials", "financials: ")]
    [InlineData("version", "masq 1.0.0\n")]
    [InlineData("setup -h", "Usage: setup")]
    public void Help_and_version_are_texts(string line, string expected)
    {
        var outcome = CommandParser.Parse(CommandHarness.Words(line), new ParserOptions(false));

        Assert.Equal(ParseOutcomeKind.Text, outcome.Kind);
        Assert.Contains(expected, outcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_end_with_the_usage()
    {
        var error = CommandHarness.ParseError("descriptor extra");

        Assert.Equal("Unexpected argument 'extra' for 'descriptor'\nUsage: descriptor", error);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("shutdown")]
    [InlineData("descriptor")]
    [InlineData("connection-status")]
    [InlineData("neighborhood-graph")]
    public void Commands_without_arguments_reject_any(string name)
    {
        Assert.NotNull(CommandHarness.Parse(name));
        Assert.Contains("Unexpected argument 'x'", CommandHarness.ParseError(name + " x"), StringComparison.Ordinal);
        Assert.Contains("Unknown option '--x'", CommandHarness.ParseError(name + " --x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_sorts_values_and_clears_bare_parameters()
    {
        var command = Assert.IsType<SetupCommand>(CommandHarness.Parse(
            "setup --neighborhood-mode zero-hop --log-level --chain polygon-amoy --scans off --data-directory=/tmp/x"));

        Assert.Equal(
            [
                new UiSetupRequestValue("chain", "polygon-amoy"),
                new UiSetupRequestValue("data-directory", "/tmp/x"),
                new UiSetupRequestValue("log-level", null),
                new UiSetupRequestValue("neighborhood-mode", "zero-hop"),
                new UiSetupRequestValue("scans", "off"),
            ],
            command.Values);
    }

    [Fact]
    public void Setup_help_lists_the_visible_parameters_of_the_schema()
    {
        var help = SetupCommand.Descriptor.Help;

        Assert.Contains("    --blockchain-service-url ", help, StringComparison.Ordinal);
        Assert.Contains("    --scans ", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--crash-point", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--ui-port", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_without_arguments_asks_for_the_current_setup()
    {
        Assert.Empty(Assert.IsType<SetupCommand>(CommandHarness.Parse("setup")).Values);
    }

    [Theory]
    [InlineData("setup --booga 1", "Unknown setup parameter '--booga'")]
    [InlineData("setup zero-hop", "Unexpected argument 'zero-hop'")]
    [InlineData("setup --chain dev --chain dev", "more than once")]
    [InlineData("setup -- x", "Unexpected argument '--'")]
    [InlineData("setup --ui-port 5333", "Unknown setup parameter '--ui-port'")]
    [InlineData("setup --fake-public-key AQID", "Unknown setup parameter '--fake-public-key'")]
    public void Setup_rejects_bad_parameters(string line, string expected)
    {
        Assert.Contains(expected, CommandHarness.ParseError(line), StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_accepts_every_documented_parameter()
    {
        foreach (var name in SetupParameters.SetupOnly.Select(p => p.Name))
        {
            var command = Assert.IsType<SetupCommand>(CommandHarness.Parse($"setup --{name} value"));
            Assert.Equal([new UiSetupRequestValue(name, "value")], command.Values);
        }
    }

    [Theory]
    [InlineData("configuration", null)]
    [InlineData("configuration secret", "secret")]
    public void Configuration_takes_an_optional_password(string line, string? password)
    {
        Assert.Equal(new ConfigurationCommand(password), CommandHarness.Parse(line));
        Assert.Contains("Too many arguments for 'configuration'", CommandHarness.ParseError("configuration a b"), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_password_takes_an_optional_password()
    {
        Assert.Equal(new CheckPasswordCommand(null), CommandHarness.Parse("check-password"));
        Assert.Equal(new CheckPasswordCommand("pw"), CommandHarness.Parse("check-password pw"));
        Assert.Contains("Too many arguments for 'check-password'", CommandHarness.ParseError("check-password a b"), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_password_needs_the_password_unless_it_can_be_prompted()
    {
        Assert.Equal(new SetPasswordCommand("new"), CommandHarness.Parse("set-password new"));
        Assert.Equal(new SetPasswordCommand(null), CommandHarness.Parse("set-password", canPrompt: true));
        Assert.Contains("<NEW-DB-PASSWORD>", CommandHarness.ParseError("set-password"), StringComparison.Ordinal);
    }

    [Fact]
    public void Change_password_needs_both_passwords_unless_they_can_be_prompted()
    {
        Assert.Equal(new ChangePasswordCommand("old", "new"), CommandHarness.Parse("change-password old new"));
        Assert.Equal(new ChangePasswordCommand(null, null), CommandHarness.Parse("change-password", canPrompt: true));
        Assert.Equal(new ChangePasswordCommand("old", null), CommandHarness.Parse("change-password old", canPrompt: true));
        Assert.Contains("<NEW-DB-PASSWORD>", CommandHarness.ParseError("change-password old"), StringComparison.Ordinal);
        Assert.Contains("<OLD-DB-PASSWORD> and <NEW-DB-PASSWORD>", CommandHarness.ParseError("change-password"), StringComparison.Ordinal);
        Assert.Contains("Too many arguments for 'change-password' (at most 2)", CommandHarness.ParseError("change-password a b c"), StringComparison.Ordinal);
    }

    [Fact]
    public void Wallet_addresses_needs_the_password_unless_it_can_be_prompted()
    {
        Assert.Equal(new WalletAddressesCommand("pw"), CommandHarness.Parse("wallet-addresses pw"));
        Assert.Equal(new WalletAddressesCommand(null), CommandHarness.Parse("wallet-addresses", canPrompt: true));
        Assert.Contains("<DB-PASSWORD>", CommandHarness.ParseError("wallet-addresses"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("set-password hunter2 hunter3")]
    [InlineData("change-password hunter2 hunter3 hunter4")]
    [InlineData("check-password hunter2 hunter3")]
    [InlineData("configuration hunter2 hunter3")]
    [InlineData("wallet-addresses hunter2 hunter3")]
    [InlineData("recover-wallets --db-password hunter2 --passphrase hunter3 --consuming-key hunter4 --earning-address 0x1")]
    [InlineData("recover-wallets --db-password hunter2 --mnemonic-phrase 'hunter3 hunter4' --consuming-path p --earning-path q")]
    [InlineData("generate-wallets --db-password hunter2 --passphrase hunter3")]
    [InlineData("setup --db-password hunter2 hunter3")]
    [InlineData("setup --consuming-private-key hunter2 hunter3")]
    public void Errors_never_repeat_secrets(string line)
    {
        var error = CommandHarness.ParseError(line);

        Assert.DoesNotContain("hunter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwords_may_look_like_options()
    {
        Assert.Equal(new SetPasswordCommand("-p"), CommandHarness.Parse("set-password -p"));
        Assert.Equal(new ChangePasswordCommand("--old", "-new"), CommandHarness.Parse("change-password --old -new"));
    }

    [Fact]
    public void Commands_with_secrets_do_not_show_them_in_their_text()
    {
        Assert.DoesNotContain("hunter2", new SetPasswordCommand("hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new ChangePasswordCommand("hunter2", "hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new CheckPasswordCommand("hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new ConfigurationCommand("hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new WalletAddressesCommand("hunter2").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new GenerateWalletsCommand("hunter2", new UiGenerateSeedSpec(12, "English", "hunter2"), null, null).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", new RecoverWalletsCommand("hunter2", new UiRecoverSeedSpec(["hunter2"], null, "hunter2"), null, "hunter2", null, "0x").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_wallets_sends_a_seed_spec_only_with_a_path()
    {
        Assert.Equal(
            new GenerateWalletsCommand("pw", null, null, null),
            CommandHarness.Parse("generate-wallets --db-password pw"));
        var withPath = Assert.IsType<GenerateWalletsCommand>(CommandHarness.Parse("generate-wallets --db-password pw --consuming-path m/44/60/0/0/0"));
        Assert.Equal(new UiGenerateSeedSpec(12, "English", null), withPath.SeedSpec);
        Assert.Equal("m/44/60/0/0/0", withPath.ConsumingPath);
        var full = Assert.IsType<GenerateWalletsCommand>(CommandHarness.Parse(
            "generate-wallets --db-password pw --earning-path \"m/44'/60'/0'/0/1\" --word-count 24 --language 'traditional chinese' --passphrase booga"));
        Assert.Equal(new UiGenerateSeedSpec(24, "Traditional Chinese", "booga"), full.SeedSpec);
        Assert.Equal("m/44'/60'/0'/0/1", full.EarningPath);
    }

    [Theory]
    [InlineData("generate-wallets", "'--db-password <PASSWORD>'")]
    [InlineData("generate-wallets --db-password pw --consuming-path p --word-count 13", "'--word-count': '13'")]
    [InlineData("generate-wallets --db-password pw --consuming-path p --language Klingon", "'--language': 'Klingon'")]
    [InlineData("generate-wallets --db-password pw --word-count 24", "only generated with")]
    [InlineData("generate-wallets --db-password", "'--db-password' needs a value")]
    [InlineData("generate-wallets --db-password pw --mnemonic-phrase x", "Unknown option '--mnemonic-phrase'")]
    public void Generate_wallets_rejects_bad_arguments(string line, string expected)
    {
        Assert.Contains(expected, CommandHarness.ParseError(line), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_wallets_prompts_for_a_missing_password_at_a_terminal()
    {
        Assert.Equal(new GenerateWalletsCommand(null, null, null, null), CommandHarness.Parse("generate-wallets", canPrompt: true));
    }

    private const string Phrase = "one two three four five six seven eight nine ten eleven twelve";

    private const string Key = "89D59B93EF6A94C977E1812B727D5E6EF1A5C7A4A09F2D5E8AB1AF1DB9A9D9C1";

    private const string Address = "0x01234567890abcdef0123456789ABCDEF0123456";

    [Fact]
    public void Recover_wallets_builds_its_request()
    {
        var fromSeed = Assert.IsType<RecoverWalletsCommand>(CommandHarness.Parse(
            $"recover-wallets --db-password pw --mnemonic-phrase \"{Phrase}\" --passphrase pp --language french --consuming-path \"m/44'/60'/0'/0/0\" --earning-path \"m/44'/60'/0'/0/1\""));
        Assert.Equal(Phrase.Split(' '), fromSeed.SeedSpec!.MnemonicPhrase);
        Assert.Equal("French", fromSeed.SeedSpec.MnemonicPhraseLanguageOpt);
        Assert.Equal("pp", fromSeed.SeedSpec.MnemonicPassphraseOpt);
        Assert.Equal("m/44'/60'/0'/0/0", fromSeed.ConsumingPath);
        Assert.Equal("m/44'/60'/0'/0/1", fromSeed.EarningPath);

        Assert.Equal(
            new RecoverWalletsCommand("pw", null, null, Key, null, Address),
            CommandHarness.Parse($"recover-wallets --db-password pw --consuming-key 0x{Key} --earning-address {Address}"));
    }

    [Theory]
    [InlineData("recover-wallets --db-password pw --earning-address " + Address, "'--consuming-path' or '--consuming-key'")]
    [InlineData("recover-wallets --db-password pw --consuming-key " + Key, "'--earning-path' or '--earning-address'")]
    [InlineData("recover-wallets --db-password pw --consuming-key " + Key + " --consuming-path p --earning-address " + Address, "cannot be used together")]
    [InlineData("recover-wallets --db-password pw --consuming-path p --earning-address " + Address, "needs '--mnemonic-phrase'")]
    [InlineData("recover-wallets --db-password pw --consuming-key " + Key + " --earning-address " + Address + " --passphrase x", "need '--mnemonic-phrase'")]
    [InlineData("recover-wallets --db-password pw --consuming-key abc --earning-address " + Address, "64 hexadecimal digits")]
    [InlineData("recover-wallets --db-password pw --consuming-key " + Key + " --earning-address 0x12", "is not an address")]
    [InlineData("recover-wallets --db-password pw --mnemonic-phrase 'one two' --consuming-path p --earning-path q", "it has 2 words")]
    [InlineData("recover-wallets --consuming-key " + Key + " --earning-address " + Address, "'--db-password <PASSWORD>'")]
    public void Recover_wallets_rejects_bad_arguments(string line, string expected)
    {
        Assert.Contains(expected, CommandHarness.ParseError(line), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("set-configuration --gas-price 1", "gas-price", "1")]
    [InlineData("set-configuration --min-hops 1", "min-hops", "1")]
    [InlineData("set-configuration --min-hops 6", "min-hops", "6")]
    [InlineData("set-configuration --start-block 123456", "start-block", "123456")]
    [InlineData("set-configuration --start-block none", "start-block", "none")]
    [InlineData("set-configuration --start-block latest", "start-block", "latest")]
    public void Set_configuration_takes_exactly_one_parameter(string line, string name, string value)
    {
        Assert.Equal(new SetConfigurationCommand(name, value), CommandHarness.Parse(line));
    }

    [Theory]
    [InlineData("set-configuration", "exactly one of")]
    [InlineData("set-configuration --gas-price 1 --min-hops 3", "exactly one of")]
    [InlineData("set-configuration --gas-price 0", "'--gas-price': '0'")]
    [InlineData("set-configuration --gas-price -1", "'--gas-price': '-1'")]
    [InlineData("set-configuration --gas-price 1.5", "'--gas-price': '1.5'")]
    [InlineData("set-configuration --min-hops 0", "'--min-hops': '0'")]
    [InlineData("set-configuration --min-hops 7", "'--min-hops': '7'")]
    [InlineData("set-configuration --start-block earliest", "'--start-block': 'earliest'")]
    [InlineData("set-configuration --max-block-count 5", "Unknown option '--max-block-count'")]
    public void Set_configuration_rejects_bad_values(string line, string expected)
    {
        Assert.Contains(expected, CommandHarness.ParseError(line), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan payables", UiScanType.Payables)]
    [InlineData("scan receivables", UiScanType.Receivables)]
    [InlineData("scan PendingPayables", UiScanType.PendingPayables)]
    public void Scan_takes_the_scan_type(string line, UiScanType type)
    {
        Assert.Equal(new ScanCommand(type), CommandHarness.Parse(line));
    }

    [Theory]
    [InlineData("scan", "needs the argument")]
    [InlineData("scan booga", "Invalid scan type 'booga'")]
    [InlineData("scan payables receivables", "Unexpected argument 'receivables'")]
    public void Scan_rejects_bad_arguments(string line, string expected)
    {
        Assert.Contains(expected, CommandHarness.ParseError(line), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crash", "BLOCKCHAINBRIDGE", "Intentional crash")]
    [InlineData("crash accountant", "ACCOUNTANT", "Intentional crash")]
    [InlineData("crash Neighborhood \"Test panic\"", "NEIGHBORHOOD", "Test panic")]
    public void Crash_upper_cases_the_actor(string line, string actor, string message)
    {
        Assert.Equal(new CrashCommand(actor, message), CommandHarness.Parse(line));
    }

    [Fact]
    public void Crash_rejects_unknown_actors()
    {
        Assert.Contains("Invalid actor 'UiGateway'", CommandHarness.ParseError("crash UiGateway"), StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_location_builds_priority_groups()
    {
        var command = Assert.IsType<ExitLocationCommand>(CommandHarness.Parse("exit-location --country-codes \"CZ,sk|AT, DE|PL\" --fallback-routing"));

        Assert.True(command.FallbackRouting);
        Assert.False(command.ShowCountries);
        Assert.Equal(3, command.ExitLocations.Count);
        Assert.Equal(["CZ", "SK"], command.ExitLocations[0].CountryCodes);
        Assert.Equal(1, command.ExitLocations[0].Priority);
        Assert.Equal(["AT", "DE"], command.ExitLocations[1].CountryCodes);
        Assert.Equal(2, command.ExitLocations[1].Priority);
        Assert.Equal(["PL"], command.ExitLocations[2].CountryCodes);
        Assert.Equal(3, command.ExitLocations[2].Priority);
    }

    [Theory]
    [InlineData("exit-location", true, 0, false)]
    [InlineData("exit-location --fallback-routing", true, 0, false)]
    [InlineData("exit-location --country-codes CZ", false, 1, false)]
    [InlineData("exit-location --show-countries", true, 0, true)]
    public void Fallback_routing_is_off_only_for_codes_without_the_flag(string line, bool fallback, int groups, bool show)
    {
        var command = Assert.IsType<ExitLocationCommand>(CommandHarness.Parse(line));

        Assert.Equal(fallback, command.FallbackRouting);
        Assert.Equal(groups, command.ExitLocations.Count);
        Assert.Equal(show, command.ShowCountries);
    }

    [Theory]
    [InlineData("exit-location --country-codes XX", "'XX' is not an ISO 3166 country code")]
    [InlineData("exit-location --country-codes CZE", "'CZE' is not an ISO 3166")]
    [InlineData("exit-location --country-codes \"CZ||SK\"", "empty country code")]
    [InlineData("exit-location --country-codes \"CZ,SK|cz\"", "'CZ' is given more than once")]
    [InlineData("exit-location --show-countries --country-codes CZ", "cannot be combined")]
    [InlineData("exit-location --show-countries --fallback-routing", "cannot be combined")]
    [InlineData("exit-location --fallback-routing=yes", "takes no value")]
    public void Exit_location_rejects_bad_arguments(string line, string expected)
    {
        Assert.Contains(expected, CommandHarness.ParseError(line), StringComparison.Ordinal);
    }

    [Fact]
    public void The_country_list_has_every_assigned_iso_code()
    {
        Assert.Equal(249, CountryCodes.Count);
        Assert.True(CountryCodes.IsKnown("US"));
        Assert.False(CountryCodes.IsKnown("ZZ"));
    }

    [Fact]
    public void Random_command_lines_never_throw()
    {
        var random = new Random(1234);
        var names = CommandCatalog.All.Select(d => d.Name).Concat(["help", "version", "bogus", ""]).ToArray();
        string[] pieces =
        [
            "--top", "-t", "5", "0", "70000", "-o", "age", "--payable", "-p", "0-1|2-3", "1-0|0", "|", "-r", "-5--4", "-n", "-g",
            "--db-password", "pw", "--consuming-path", "--consuming-key", "--earning-address", "--mnemonic-phrase", "a b c",
            "--gas-price", "--min-hops", "--start-block", "none", "--country-codes", "CZ,SK|PL", "--fallback-routing",
            "--show-countries", "--chain", "--log-level", "--x", "=", "--=", "-", "--", "payables", "Accountant", "\u0000", "--help",
        ];
        for (var i = 0; i < 20000; i++)
        {
            var words = new List<string> { names[random.Next(names.Length)] };
            words.AddRange(Enumerable.Range(0, random.Next(0, 7)).Select(_ => pieces[random.Next(pieces.Length)]));

            var outcome = CommandParser.Parse(words, new ParserOptions(random.Next(2) == 0));

            Assert.True(
                outcome.Kind == ParseOutcomeKind.Command ? outcome.Command is not null : outcome.Text.Length > 0,
                string.Join(' ', words));
        }
    }
}
