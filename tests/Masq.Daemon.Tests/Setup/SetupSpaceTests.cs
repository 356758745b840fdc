using Masq.Daemon.Setup;
using Masq.Lib.Configuration;
using Masq.Tests.Shared;

namespace Masq.Daemon.Tests.Setup;

public sealed class SetupSpaceTests
{
    private const string DefaultDirectory = "/home/booga/.local/share/MASQ/base-mainnet";
    private const string PastNeighbor = "masq://base-mainnet:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA@1.2.3.4:1234";

    private readonly Dictionary<string, string> _environment = DaemonTestHosts.SudoEnvironment();
    private readonly FakeNodeDatabaseReader _database = new();

    [Fact]
    public void The_first_setup_fills_every_parameter_with_defaults_and_is_not_broadcast()
    {
        var space = NewSpace();
        Assert.Empty(space.Current);

        var result = space.Apply([]);

        Assert.Empty(result.Errors);
        Assert.True(result.Changed);
        Assert.False(result.ShouldBroadcast);
        Assert.Equal(SetupParameters.SetupOnly.Select(p => p.Name), result.Values.Select(v => v.Name));
        Assert.Equal(result.Values, space.Current);
        Assert.Equal(new SetupEntry("chain", "base-mainnet", SetupStatus.Default), Entry(space, "chain"));
        Assert.Equal(new SetupEntry("data-directory", DefaultDirectory, SetupStatus.Default), Entry(space, "data-directory"));
        Assert.Equal(new SetupEntry("real-user", "1000:1000:/home/booga", SetupStatus.Default), Entry(space, "real-user"));
        Assert.Equal(new SetupEntry("config-file", "config.toml", SetupStatus.Default), Entry(space, "config-file"));
        Assert.Equal(new SetupEntry("dns-servers", "192.168.1.1", SetupStatus.Default), Entry(space, "dns-servers"));
        Assert.Equal(new SetupEntry("proxy-port", "8118", SetupStatus.Default), Entry(space, "proxy-port"));
        Assert.Equal(new SetupEntry("socks-port", "0", SetupStatus.Default), Entry(space, "socks-port"));
        Assert.Equal(new SetupEntry("blockchain-service-url", "", SetupStatus.Required), Entry(space, "blockchain-service-url"));
        Assert.Equal(new SetupEntry("clandestine-port", "", SetupStatus.Required), Entry(space, "clandestine-port"));
        Assert.Equal(new SetupEntry("db-password", "", SetupStatus.Required), Entry(space, "db-password"));
        Assert.Equal(new SetupEntry("neighbors", "", SetupStatus.Blank), Entry(space, "neighbors"));
        Assert.Equal(new SetupEntry("crash-point", "", SetupStatus.Blank), Entry(space, "crash-point"));
        Assert.Equal(("/home/booga/.local/share/MASQ/base-mainnet", (string?)null), Assert.Single(_database.Reads));
    }

    [Fact]
    public void Socks_port_is_set_through_setup_and_a_privileged_port_is_an_error()
    {
        var space = NewSpace();
        Assert.Empty(space.Apply([("socks-port", "1080")]).Errors);
        Assert.Equal(new SetupEntry("socks-port", "1080", SetupStatus.Set), Entry(space, "socks-port"));

        var refused = space.Apply([("socks-port", "80")]);
        Assert.Equal("socks-port", Assert.Single(refused.Errors).Parameter);
    }

    [Fact]
    public void Spec_scenario_6_a_data_directory_that_ends_with_the_chain_is_kept_exactly()
    {
        var space = NewSpace();
        var result = space.Apply([("data-directory", "/home/booga/masqhome/base-mainnet")]);

        Assert.Empty(result.Errors);
        Assert.Equal(new SetupEntry("data-directory", "/home/booga/masqhome/base-mainnet", SetupStatus.Set), Entry(space, "data-directory"));

        space.Apply([("data-directory", null)]);
        var defaultPath = Entry(space, "data-directory").Value;
        Assert.Equal(DefaultDirectory, defaultPath);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(defaultPath, "base-mainnet"));
        Assert.DoesNotContain("MASQ/base-mainnet/MASQ", defaultPath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_directory_set_through_setup_gets_the_chain_folder_and_tilde_expanded()
    {
        var space = NewSpace();
        space.Apply([("data-directory", "/home/booga/masqhome")]);
        Assert.Equal("/home/booga/masqhome/base-mainnet", Entry(space, "data-directory").Value);

        space.Apply([("data-directory", "~/m"), ("chain", "polygon-amoy")]);
        Assert.Equal("/home/booga/m/polygon-amoy", Entry(space, "data-directory").Value);
        Assert.Equal("/home/booga/m/polygon-amoy", _database.Reads[^1].Directory);
    }

    [Fact]
    public void A_later_chain_change_swaps_the_chain_folder()
    {
        var space = NewSpace();
        space.Apply([("data-directory", "/x/masqhome")]);
        var result = space.Apply([("chain", "polygon-amoy")]);

        Assert.Empty(result.Errors);
        Assert.Equal(new SetupEntry("data-directory", "/x/masqhome/polygon-amoy", SetupStatus.Set), Entry(space, "data-directory"));

        space.Apply([("chain", null)]);
        Assert.Equal(new SetupEntry("chain", "base-mainnet", SetupStatus.Default), Entry(space, "chain"));
        Assert.Equal("/x/masqhome/base-mainnet", Entry(space, "data-directory").Value);
    }

    [Fact]
    public void A_chain_change_moves_a_default_data_directory_too()
    {
        var space = NewSpace();
        space.Apply([("chain", "base-sepolia")]);
        Assert.Equal(new SetupEntry("data-directory", "/home/booga/.local/share/MASQ/base-sepolia", SetupStatus.Default), Entry(space, "data-directory"));
    }

    [Fact]
    public void A_relative_data_directory_cannot_be_set_through_setup()
    {
        var space = NewSpace();
        var result = space.Apply([("data-directory", "masqhome")]);
        Assert.Equal(
            new ConfigurationError("data-directory", "Invalid value 'masqhome': a data directory given through setup must be an absolute path or start with ~/"),
            Assert.Single(result.Errors));
        Assert.Equal(new SetupEntry("data-directory", "masqhome", SetupStatus.Set), Entry(space, "data-directory"));
    }

    [Fact]
    public void Clearing_brings_back_the_default()
    {
        var space = NewSpace();
        space.Apply([("log-level", "debug")]);
        Assert.Equal(new SetupEntry("log-level", "debug", SetupStatus.Set), Entry(space, "log-level"));

        var result = space.Apply([("log-level", null)]);
        Assert.Empty(result.Errors);
        Assert.True(result.Changed);
        Assert.Equal(new SetupEntry("log-level", "warn", SetupStatus.Default), Entry(space, "log-level"));

        space.Apply([("ip", "1.2.3.4")]);
        space.Apply([("ip", "")]);
        Assert.Equal(new SetupEntry("ip", "", SetupStatus.Blank), Entry(space, "ip"));
    }

    [Fact]
    public void On_errors_the_cluster_is_stored_but_cleared_entries_are_restored()
    {
        var space = NewSpace();
        space.Apply([("log-level", "debug")]);

        var result = space.Apply([("log-level", null), ("min-hops", "9")]);

        Assert.Equal(new ConfigurationError("min-hops", "Invalid value '9': must be a whole number from 1 to 6"), Assert.Single(result.Errors));
        Assert.Equal(new SetupEntry("log-level", "debug", SetupStatus.Set), Entry(space, "log-level"));
        Assert.Equal(new SetupEntry("min-hops", "9", SetupStatus.Set), Entry(space, "min-hops"));
    }

    [Fact]
    public void When_chain_is_cleared_and_there_are_errors_the_data_directory_is_restored_too()
    {
        var space = NewSpace();
        space.Apply([("chain", "polygon-amoy"), ("data-directory", "/x/m")]);
        Assert.Equal("/x/m/polygon-amoy", Entry(space, "data-directory").Value);

        var result = space.Apply([("chain", null), ("scans", "sometimes")]);

        Assert.NotEmpty(result.Errors);
        Assert.Equal(new SetupEntry("chain", "polygon-amoy", SetupStatus.Set), Entry(space, "chain"));
        Assert.Equal(new SetupEntry("data-directory", "/x/m/polygon-amoy", SetupStatus.Set), Entry(space, "data-directory"));
    }

    [Fact]
    public void Clearing_then_setting_in_one_request_keeps_the_new_value_even_on_errors()
    {
        var space = NewSpace();
        space.Apply([("log-level", "debug")]);
        space.Apply([("log-level", null), ("log-level", "trace"), ("min-hops", "0")]);
        Assert.Equal(new SetupEntry("log-level", "trace", SetupStatus.Set), Entry(space, "log-level"));
    }

    [Fact]
    public void Secrets_are_censored_for_uis_but_kept_for_the_node()
    {
        var key = new string('a', 64);
        var space = NewSpace();
        var result = space.Apply([("db-password", "pw"), ("consuming-private-key", key)]);

        var censored = SetupSpace.Censor(result.Values);
        Assert.Equal(new string('*', 16), censored.Single(e => e.Name == "db-password").Value);
        Assert.Equal(new string('*', 64), censored.Single(e => e.Name == "consuming-private-key").Value);
        Assert.Equal("warn", censored.Single(e => e.Name == "log-level").Value);
        Assert.Equal("pw", Entry(space, "db-password").Value);
        // The Node gets the secrets through its environment, never on its command line.
        Assert.DoesNotContain(key, space.LaunchArguments());
        Assert.DoesNotContain("pw", space.LaunchArguments());
        Assert.Equal(key, space.LaunchEnvironment()["MASQ_CONSUMING_PRIVATE_KEY"]);
        Assert.Equal("pw", space.LaunchEnvironment()["MASQ_DB_PASSWORD"]);

        space.Apply([("db-password", null)]);
        Assert.Equal("", SetupSpace.Censor(space.Current).Single(e => e.Name == "db-password").Value);
        Assert.Equal("", SetupSpace.CensorValue("db-password", ""));
        Assert.Equal("x", SetupSpace.CensorValue("ip", "x"));
    }

    [Fact]
    public void Past_neighbors_are_pre_filled_as_configured_when_the_password_is_known()
    {
        _database.WithDatabase(DefaultDirectory, new Dictionary<string, string>(), [PastNeighbor], password: "pw");
        var space = NewSpace();

        space.Apply([]);
        Assert.Equal(new SetupEntry("neighbors", "", SetupStatus.Blank), Entry(space, "neighbors"));

        var result = space.Apply([("db-password", "pw")]);
        Assert.Empty(result.Errors);
        Assert.Equal(new SetupEntry("neighbors", PastNeighbor, SetupStatus.Configured), Entry(space, "neighbors"));
        Assert.Equal((DefaultDirectory, "pw"), _database.Reads[^1]);
        Assert.Equal(["--neighbors", PastNeighbor], space.LaunchArguments());
        Assert.Equal("pw", space.LaunchEnvironment()["MASQ_DB_PASSWORD"]);
    }

    [Fact]
    public void A_wrong_password_is_reported()
    {
        _database.WithDatabase(DefaultDirectory, new Dictionary<string, string>(), [PastNeighbor], password: "pw");
        var space = NewSpace();
        var result = space.Apply([("db-password", "wrong")]);
        Assert.Equal(new ConfigurationError("db-password", $"Incorrect password for the database in {DefaultDirectory}"), Assert.Single(result.Errors));
        Assert.Equal(SetupStatus.Blank, Entry(space, "neighbors").Status);
    }

    [Fact]
    public void Values_stored_in_the_database_are_defaults_or_configured()
    {
        _database.WithDatabase(DefaultDirectory, new Dictionary<string, string>
        {
            ["clandestine-port"] = "4567",
            ["gas-price"] = "2",
            ["min-hops"] = "3",
            ["rate-pack"] = "1|2|3|4",
            ["blockchain-service-url"] = "https://mainnet.base.org",
            ["mapping-protocol"] = "pcp",
            ["chain"] = "base-mainnet",
        });
        var space = NewSpace();
        var result = space.Apply([]);

        Assert.Empty(result.Errors);
        Assert.Equal(new SetupEntry("clandestine-port", "4567", SetupStatus.Configured), Entry(space, "clandestine-port"));
        Assert.Equal(new SetupEntry("gas-price", "2", SetupStatus.Default), Entry(space, "gas-price"));
        Assert.Equal(new SetupEntry("min-hops", "3", SetupStatus.Default), Entry(space, "min-hops"));
        Assert.Equal(new SetupEntry("rate-pack", "1|2|3|4", SetupStatus.Configured), Entry(space, "rate-pack"));
        Assert.Equal(new SetupEntry("blockchain-service-url", "https://mainnet.base.org", SetupStatus.Default), Entry(space, "blockchain-service-url"));
        Assert.Equal(new SetupEntry("mapping-protocol", "pcp", SetupStatus.Configured), Entry(space, "mapping-protocol"));

        space.Apply([("clandestine-port", "6000")]);
        Assert.Equal(new SetupEntry("clandestine-port", "6000", SetupStatus.Set), Entry(space, "clandestine-port"));
    }

    [Fact]
    public void Values_from_an_old_data_directory_do_not_linger()
    {
        _database.WithDatabase(DefaultDirectory, new Dictionary<string, string> { ["clandestine-port"] = "4567" }, [PastNeighbor], password: "pw");
        var space = NewSpace();
        space.Apply([("db-password", "pw")]);
        Assert.Equal(SetupStatus.Configured, Entry(space, "neighbors").Status);

        var result = space.Apply([("chain", "polygon-amoy")]);

        Assert.Empty(result.Errors);
        Assert.Equal(new SetupEntry("neighbors", "", SetupStatus.Blank), Entry(space, "neighbors"));
        Assert.Equal(new SetupEntry("clandestine-port", "", SetupStatus.Required), Entry(space, "clandestine-port"));
    }

    [Fact]
    public void The_daemons_environment_beats_its_config_file_and_setup_beats_both()
    {
        using var dir = new TempDirectory();
        dir.Write("base-mainnet/config.toml", "log-level = \"trace\"\nclandestine-port = 3456\nscans = \"off\"\n");
        _environment["MASQ_LOG_LEVEL"] = "info";
        _environment["MASQ_MIN_HOPS"] = "4";
        var space = NewSpace();

        var result = space.Apply([("data-directory", dir.Path), ("scans", "on")]);

        Assert.Empty(result.Errors);
        Assert.Equal(new SetupEntry("log-level", "info", SetupStatus.Configured), Entry(space, "log-level"));
        Assert.Equal(new SetupEntry("min-hops", "4", SetupStatus.Configured), Entry(space, "min-hops"));
        Assert.Equal(new SetupEntry("clandestine-port", "3456", SetupStatus.Configured), Entry(space, "clandestine-port"));
        Assert.Equal(new SetupEntry("scans", "on", SetupStatus.Set), Entry(space, "scans"));
    }

    [Fact]
    public void Every_value_names_its_real_source()
    {
        using var dir = new TempDirectory();
        dir.Write("base-mainnet/config.toml", "# by hand\nlog-level = \"trace\"\n\nclandestine-port = 3456\n");
        _environment["MASQ_MIN_HOPS"] = "4";
        _database.WithDatabase(Path.Join(dir.Path, "base-mainnet"), new Dictionary<string, string> { ["rate-pack"] = "1|2|3|4" });
        var space = NewSpace();

        var result = space.Apply([("data-directory", dir.Path), ("scans", "on")]);

        Assert.Empty(result.Errors);
        string? Source(string name) => space.Current.Single(e => e.Name == name).Source;
        Assert.Equal("config.toml:2", Source("log-level"));
        Assert.Equal("config.toml:4", Source("clandestine-port"));
        Assert.Equal("MASQ_MIN_HOPS", Source("min-hops"));
        Assert.Equal("setup", Source("scans"));
        Assert.Equal("database", Source("rate-pack"));
        Assert.Equal("default", Source("chain"));
        Assert.Null(Source("neighbors"));
    }

    [Theory]
    [InlineData("gas-price = \"abc\"", "gas-price", "1")]
    [InlineData("log-level = \"loud\"", "log-level", "warn")]
    public void A_bad_value_in_the_config_file_names_the_file_and_line_and_is_not_shown_as_current(string line, string name, string fallback)
    {
        using var dir = new TempDirectory();
        dir.Write("base-mainnet/config.toml", "scans = \"on\"\n" + line + "\n");
        var space = NewSpace();

        var result = space.Apply([("data-directory", dir.Path)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(name, error.Parameter);
        Assert.StartsWith($"Configuration file \"{Path.Join(dir.Path, "base-mainnet", "config.toml")}\", line 2: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(new SetupEntry(name, fallback, SetupStatus.Default), Entry(space, name));
    }

    [Fact]
    public void A_bad_value_in_the_environment_names_the_variable()
    {
        _environment["MASQ_GAS_PRICE"] = "abc";
        var space = NewSpace();

        var result = space.Apply([]);

        Assert.StartsWith("Environment variable MASQ_GAS_PRICE: ", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
        Assert.Equal(SetupStatus.Default, Entry(space, "gas-price").Status);
    }

    [Fact]
    public void A_zero_hop_node_needs_no_clandestine_port()
    {
        var space = NewSpace();

        space.Apply([("neighborhood-mode", "zero-hop")]);

        Assert.Equal(new SetupEntry("clandestine-port", "", SetupStatus.Blank), Entry(space, "clandestine-port"));
    }

    [Fact]
    public void A_data_directory_from_the_environment_is_used_exactly_as_given()
    {
        _environment["MASQ_DATA_DIRECTORY"] = "/srv/masq";
        var space = NewSpace();
        space.Apply([("chain", "polygon-amoy")]);
        Assert.Equal(new SetupEntry("data-directory", "/srv/masq", SetupStatus.Configured), Entry(space, "data-directory"));
    }

    [Fact]
    public void A_bad_config_file_is_reported_with_path_and_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("base-mainnet/config.toml", "chain = \"dev\"\n[table]\n");
        var space = NewSpace();
        var result = space.Apply([("data-directory", dir.Path)]);
        Assert.Contains(result.Errors, e => e.Parameter == "config-file" && e.Reason.Contains($"\"{path}\", line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void An_explicit_config_file_that_does_not_exist_is_an_error()
    {
        var space = NewSpace();
        var result = space.Apply([("config-file", "/nowhere/masq.toml")]);
        Assert.Equal(
            new ConfigurationError("config-file", "Couldn't open configuration file \"/nowhere/masq.toml\". Are you sure it exists?"),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Required_or_blank_follows_the_neighborhood_mode()
    {
        var space = NewSpace();
        space.Apply([("neighborhood-mode", "zero-hop")]);
        Assert.Equal(SetupStatus.Blank, Entry(space, "blockchain-service-url").Status);
        Assert.Equal(SetupStatus.Blank, Entry(space, "db-password").Status);

        space.Apply([("neighborhood-mode", "originate-only")]);
        Assert.Equal(SetupStatus.Required, Entry(space, "neighbors").Status);
        Assert.Equal(SetupStatus.Required, Entry(space, "blockchain-service-url").Status);

        space.Apply([("neighborhood-mode", "consume-only")]);
        Assert.Equal(new SetupEntry("dns-servers", "", SetupStatus.Blank), Entry(space, "dns-servers"));
        Assert.Equal(SetupStatus.Default, Entry(space, "rate-pack").Status);

        space.Apply([("neighborhood-mode", "standard"), ("crash-point", "panic")]);
        Assert.Equal(SetupStatus.Blank, Entry(space, "blockchain-service-url").Status);
        Assert.Equal(SetupStatus.Blank, Entry(space, "neighbors").Status);
    }

    [Fact]
    public void The_nodes_cross_parameter_rules_are_setup_errors()
    {
        var space = NewSpace();
        var result = space.Apply([("neighborhood-mode", "zero-hop"), ("ip", "1.2.3.4"), ("neighbors", "masq://base-sepolia:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA@1.2.3.4:1234")]);
        Assert.Equal(["ip", "neighbors", "neighbors"], result.Errors.Select(e => e.Parameter).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, e => e.Reason.StartsWith("Mismatched chains", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_names_are_errors_and_the_rest_still_applies()
    {
        var space = NewSpace();
        var result = space.Apply([("booga", "1"), ("ui-port", "5000"), ("fake-public-key", "AAAA"), ("log-level", "info")]);
        Assert.Equal(
            [
                new ConfigurationError("booga", "Unknown parameter 'booga'"),
                new ConfigurationError("ui-port", "'ui-port' is not a setup parameter"),
                new ConfigurationError("fake-public-key", "'fake-public-key' is not a setup parameter"),
            ],
            result.Errors);
        Assert.Equal(new SetupEntry("log-level", "info", SetupStatus.Set), Entry(space, "log-level"));
        Assert.DoesNotContain(space.Current, e => e.Name is "booga" or "ui-port" or "fake-public-key");
    }

    [Fact]
    public void Only_a_changed_value_of_a_non_empty_cluster_is_broadcast()
    {
        var space = NewSpace();
        var first = space.Apply([("log-level", "info")]);
        Assert.False(first.ShouldBroadcast);

        var same = space.Apply([("log-level", "info")]);
        Assert.False(same.Changed);
        Assert.False(same.ShouldBroadcast);

        var different = space.Apply([("log-level", "debug")]);
        Assert.True(different.Changed);
        Assert.True(different.ShouldBroadcast);
    }

    [Fact]
    public void Launch_arguments_are_the_set_and_configured_entries_sorted_by_name()
    {
        _database.WithDatabase(DefaultDirectory, new Dictionary<string, string> { ["clandestine-port"] = "4567", ["gas-price"] = "1" });
        _environment["MASQ_SCANS"] = "off";
        var space = NewSpace();
        space.Apply([("neighborhood-mode", "zero-hop"), ("log-level", "error"), ("blockchain-service-url", "https://x.org")]);

        Assert.Equal(
            [
                "--blockchain-service-url", "https://x.org",
                "--clandestine-port", "4567",
                "--log-level", "error",
                "--neighborhood-mode", "zero-hop",
                "--scans", "off",
            ],
            space.LaunchArguments());
    }

    [Fact]
    public void A_database_that_cannot_be_read_gives_no_computed_defaults()
    {
        _database.ThrowOnRead = new IOException("database is locked");
        var space = NewSpace();
        var result = space.Apply([]);
        Assert.Empty(result.Errors);
        Assert.Equal(SetupStatus.Required, Entry(space, "clandestine-port").Status);
    }

    [Fact]
    public async Task Readers_always_see_a_whole_sorted_cluster_while_setups_are_applied()
    {
        var space = NewSpace();
        space.Apply([]);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var current = space.Current;
                Assert.Equal(SetupParameters.SetupOnly.Count, current.Count);
                Assert.Equal(current.Select(e => e.Name).Order(StringComparer.Ordinal), current.Select(e => e.Name));
                Assert.Equal(0, space.LaunchArguments().Count % 2);
                reads++;
            }

            return reads;
        })).ToArray();

        for (var i = 0; i < 200; i++)
        {
            space.Apply([("log-level", i % 2 == 0 ? "debug" : null), ("min-hops", (1 + (i % 6)).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        stop.Cancel();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
    }

    [Fact]
    public void Random_changes_never_throw_and_always_leave_a_whole_cluster()
    {
        var random = new Random(1234);
        var space = NewSpace();
        var names = SetupParameters.All.Select(p => p.Name).Append("nope").ToArray();
        var values = new[] { null, "", "1", "0", "on", "zero-hop", "originate-only", "dev", "polygon-amoy", "/x", "~", "rel", "1|2|3|4", "1.2.3.4", "::", "\0", PastNeighbor };
        for (var i = 0; i < 1_000; i++)
        {
            var changes = Enumerable.Range(0, random.Next(4))
                .Select(_ => (names[random.Next(names.Length)], values[random.Next(values.Length)]))
                .ToList();
            var result = space.Apply(changes);
            Assert.Equal(SetupParameters.SetupOnly.Count, result.Values.Count);
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Reason)));
        }
    }

    private SetupSpace NewSpace() => new(_environment, DaemonTestHosts.Linux, _database);

    /// <summary>The entry without its source (the tests about sources read <see cref="SetupEntry.Source"/> themselves).</summary>
    private static SetupEntry Entry(SetupSpace space, string name) => space.Current.Single(e => e.Name == name) with { Source = null };
}
