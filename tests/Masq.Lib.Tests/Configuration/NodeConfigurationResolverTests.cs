using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Tests.TestSupport;
using Masq.Tests.Shared;

namespace Masq.Lib.Tests.Configuration;

public sealed class NodeConfigurationResolverTests
{
    private const string Url = "https://mainnet.base.org";

    [Fact]
    public void Command_line_beats_environment_beats_file_beats_database_beats_defaults()
    {
        using var dir = new TempDirectory();
        dir.Write("config.toml", "min-hops = 4\nclandestine-port = 4444\ngas-price = 44\n");
        var env = TestHosts.Env(("MASQ_MIN_HOPS", "2"), ("MASQ_CLANDESTINE_PORT", "2222"));
        var database = TestHosts.Env(("min-hops", "5"), ("clandestine-port", "5555"), ("gas-price", "55"), ("rate-pack", "1|2|3|4"));

        var result = NodeConfigurationResolver.Resolve(
            ["--data-directory", dir.Path, "--min-hops", "1", "--blockchain-service-url", Url], env, database, TestHosts.Linux());

        Assert.Empty(result.Errors);
        Assert.Equal(new ResolvedValue("1", ValueSource.CommandLine), result.Values["min-hops"]);
        Assert.Equal(new ResolvedValue("2222", ValueSource.Environment, "MASQ_CLANDESTINE_PORT"), result.Values["clandestine-port"]);
        Assert.Equal(new ResolvedValue("44", ValueSource.ConfigFile, Path.Join(dir.Path, "config.toml"), 3), result.Values["gas-price"]);
        Assert.Equal(new ResolvedValue("1|2|3|4", ValueSource.Database), result.Values["rate-pack"]);
        Assert.Equal(new ResolvedValue("on", ValueSource.Default), result.Values["scans"]);

        var settings = result.Settings!;
        Assert.Equal(1, settings.MinHops);
        Assert.Equal(2222, settings.ClandestinePort);
        Assert.Equal(44UL, settings.GasPrice);
        Assert.Equal(new RatePack(1, 2, 3, 4), settings.RatePack);
        Assert.True(settings.ScansEnabled);
    }

    [Theory]
    [InlineData("command-line")]
    [InlineData("environment")]
    [InlineData("config-file")]
    public void Socks_port_comes_from_every_source_and_is_off_by_default(string source)
    {
        using var dir = new TempDirectory();
        dir.Write("config.toml", source == "config-file" ? "socks-port = 1080\n" : "\n");
        string[] args = ["--data-directory", dir.Path, "--blockchain-service-url", Url, .. source == "command-line" ? new[] { "--socks-port", "1080" } : []];
        var env = source == "environment" ? TestHosts.Env(("MASQ_SOCKS_PORT", "1080")) : TestHosts.NoValues;

        var result = NodeConfigurationResolver.Resolve(args, env, TestHosts.NoValues, TestHosts.Linux());

        Assert.Empty(result.Errors);
        Assert.Equal(1080, result.Settings!.SocksPort);
        var defaults = NodeConfigurationResolver.Resolve(["--blockchain-service-url", Url], TestHosts.NoValues, TestHosts.NoValues, TestHosts.Linux());
        Assert.Equal(new ResolvedValue("0", ValueSource.Default), defaults.Values["socks-port"]);
        Assert.Equal(0, defaults.Settings!.SocksPort);
    }

    [Fact]
    public void Defaults_fill_everything_else()
    {
        var result = NodeConfigurationResolver.Resolve(
            ["--blockchain-service-url", Url],
            TestHosts.Env(("SUDO_USER", "booga"), ("SUDO_UID", "1000"), ("SUDO_GID", "1000")),
            TestHosts.NoValues,
            TestHosts.Linux());

        Assert.Empty(result.Errors);
        var s = result.Settings!;
        Assert.Same(Chain.BaseMainnet, s.Chain);
        Assert.Equal("/home/booga/.local/share/MASQ/base-mainnet", s.DataDirectory);
        Assert.Equal("/home/booga/.local/share/MASQ/base-mainnet/config.toml", s.ConfigFile);
        Assert.Equal(new RealUser(1000, 1000, "/home/booga"), s.RealUser);
        Assert.Equal(5333, s.UiPort);
        Assert.Equal(8118, s.ProxyPort);
        Assert.Null(s.ClandestinePort);
        Assert.Equal(NeighborhoodMode.Standard, s.NeighborhoodMode);
        Assert.Equal(NodeLogLevel.Warn, s.LogLevel);
        Assert.Equal(3, s.MinHops);
        Assert.Equal(RatePack.Default, s.RatePack);
        Assert.Equal(PaymentThresholds.Default, s.PaymentThresholds);
        Assert.Equal(ScanIntervals.Default, s.ScanIntervals);
        Assert.Equal(1UL, s.GasPrice);
        Assert.Equal(CrashPoint.None, s.CrashPoint);
        Assert.False(s.NewPublicKey);
        Assert.Null(s.MappingProtocol);
        Assert.Empty(s.Neighbors);
        Assert.Equal(["192.168.1.1", "9.9.9.9"], s.DnsServers.Select(d => d.ToString()));
        Assert.Equal(WalletAddress.DefaultEarningWallet, s.EffectiveEarningWallet);
        Assert.Equal(new Uri(Url), s.BlockchainServiceUrl);
    }

    [Fact]
    public void A_loopback_system_resolver_means_no_default_dns_servers()
    {
        var host = TestHosts.Linux(dns: [System.Net.IPAddress.Parse("127.0.0.53")]);
        var result = NodeConfigurationResolver.Resolve(["--blockchain-service-url", Url], TestHosts.NoValues, TestHosts.NoValues, host);
        Assert.Empty(result.Settings!.DnsServers);
        Assert.False(result.Values.ContainsKey("dns-servers"));
    }

    [Fact]
    public void The_config_file_is_found_from_the_command_line_and_environment_then_its_chain_applies()
    {
        using var home = new TempDirectory();
        var host = TestHosts.Linux() with { ProcessHome = home.Path };
        home.Write(".local/share/MASQ/base-mainnet/config.toml", "chain = \"polygon-amoy\"\nlog-level = \"trace\"\n");

        var result = NodeConfigurationResolver.Resolve(["--blockchain-service-url", Url], TestHosts.NoValues, TestHosts.NoValues, host);

        Assert.Empty(result.Errors);
        Assert.Same(Chain.PolygonAmoy, result.Settings!.Chain);
        Assert.Equal(NodeLogLevel.Trace, result.Settings.LogLevel);
        Assert.Equal(Path.Combine(home.Path, ".local/share/MASQ/polygon-amoy"), result.Settings.DataDirectory);
    }

    [Fact]
    public void The_config_file_can_come_from_the_environment_and_never_names_itself()
    {
        using var dir = new TempDirectory();
        var other = dir.Write("other.toml", "log-level = \"error\"\n");
        dir.Write("main.toml", $"config-file = \"{other}\"\nlog-level = \"info\"\n");
        var env = TestHosts.Env(("MASQ_CONFIG_FILE", "main.toml"));

        var result = NodeConfigurationResolver.Resolve(["--data-directory", dir.Path, "--blockchain-service-url", Url], env, TestHosts.NoValues, TestHosts.Linux());

        Assert.Empty(result.Errors);
        Assert.Equal(NodeLogLevel.Info, result.Settings!.LogLevel);
        Assert.Equal(Path.Combine(dir.Path, "main.toml"), result.Settings.ConfigFile);
        Assert.Equal(ValueSource.Environment, result.Values["config-file"].Source);
    }

    [Fact]
    public void An_explicit_missing_config_file_is_an_error()
    {
        using var dir = new TempDirectory();
        var result = NodeConfigurationResolver.Resolve(
            ["--data-directory", dir.Path, "--config-file", "nope.toml", "--blockchain-service-url", Url], TestHosts.NoValues, TestHosts.NoValues, TestHosts.Linux());
        Assert.Null(result.Settings);
        Assert.False(result.IsValid);
        Assert.Equal(
            new ConfigurationError("config-file", $"Couldn't open configuration file \"{Path.Combine(dir.Path, "nope.toml")}\". Are you sure it exists?"),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Data_directory_from_the_command_line_is_used_exactly_as_given()
    {
        var result = NodeConfigurationResolver.Resolve(
            ["--data-directory", "/srv/masq", "--chain", "polygon-amoy", "--blockchain-service-url", Url], TestHosts.NoValues, TestHosts.NoValues, TestHosts.Linux());
        Assert.Equal("/srv/masq", result.Settings!.DataDirectory);
    }

    [Fact]
    public void Data_directory_from_the_environment_expands_tilde_to_the_real_users_home()
    {
        var env = TestHosts.Env(("MASQ_DATA_DIRECTORY", "~/masq"), ("SUDO_USER", "booga"));
        var result = NodeConfigurationResolver.Resolve(["--blockchain-service-url", Url], env, TestHosts.NoValues, TestHosts.Linux());
        Assert.Equal("/home/booga/masq", result.Settings!.DataDirectory);
    }

    [Fact]
    public void Errors_from_every_source_are_collected()
    {
        using var dir = new TempDirectory();
        dir.Write("config.toml", "[table]\n");
        var env = TestHosts.Env(("MASQ_MIN_HOPS", "9"));

        var result = NodeConfigurationResolver.Resolve(
            ["--data-directory", dir.Path, "--bogus", "1", "--log-level", "loud"], env, TestHosts.NoValues, TestHosts.Linux());

        Assert.Null(result.Settings);
        Assert.Equal(
            ["bogus", "config-file", "log-level", "min-hops", "blockchain-service-url"],
            result.Errors.Select(e => e.Parameter));
    }

    [Fact]
    public void Past_neighbors_from_the_database_count_as_neighbors()
    {
        var neighbor = Descriptors.Text("base-mainnet", 9, "5.6.7.8:1234");
        var result = NodeConfigurationResolver.Resolve(
            ["--neighborhood-mode", "originate-only", "--blockchain-service-url", Url, "--db-password", "pw"],
            TestHosts.NoValues,
            TestHosts.Env(("neighbors", neighbor)),
            TestHosts.Linux());
        Assert.Empty(result.Errors);
        Assert.Equal(neighbor, Assert.Single(result.Settings!.Neighbors).ToString());
    }

    [Fact]
    public void The_ui_port_from_the_daemon_is_accepted()
    {
        var result = NodeConfigurationResolver.Resolve(["--ui-port", "32768", "--neighborhood-mode", "zero-hop"], TestHosts.NoValues, TestHosts.NoValues, TestHosts.Linux());
        Assert.Empty(result.Errors);
        Assert.Equal(32768, result.Settings!.UiPort);
    }

    [Fact]
    public void Random_command_lines_and_environments_give_settings_or_errors_never_exceptions()
    {
        var random = new Random(2718);
        var names = SetupParameters.All.Select(p => "--" + p.Name).Append("--nope").Append("stray").ToArray();
        var values = new[] { "", "0", "1", "x", "~", "~/a", "./a", "../a", "rel/a", "/abs", "\0", "zero-hop", "dev", "on", "1|2|3|4", "1.2.3.4", Url };
        for (var i = 0; i < 2_000; i++)
        {
            var args = new List<string>();
            for (var n = random.Next(6); n > 0; n--)
            {
                args.Add(names[random.Next(names.Length)]);
                if (random.Next(5) > 0)
                {
                    args.Add(values[random.Next(values.Length)]);
                }
            }

            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var n = random.Next(3); n > 0; n--)
            {
                env[SetupParameters.All[random.Next(SetupParameters.All.Count)].EnvironmentVariable] = values[random.Next(values.Length)];
            }

            var result = NodeConfigurationResolver.Resolve(args, env, TestHosts.NoValues, TestHosts.Linux("/nonexistent-cwd"));
            Assert.True(result.IsValid ^ (result.Errors.Count > 0));
        }
    }

    [Fact]
    public void Every_value_says_where_it_came_from()
    {
        using var dir = new TempDirectory();
        dir.Write("config.toml", "# settings\n\nlog-level = \"debug\"\ngas-price = 7\n");
        var env = TestHosts.Env(("MASQ_MIN_HOPS", "2"));
        var database = TestHosts.Env(("rate-pack", "1|2|3|4"));

        var result = NodeConfigurationResolver.Resolve(
            ["--data-directory", dir.Path, "--blockchain-service-url", Url], env, database, TestHosts.Linux());

        Assert.Empty(result.Errors);
        Assert.Equal("command line", result.Values["blockchain-service-url"].Origin);
        Assert.Equal("MASQ_MIN_HOPS", result.Values["min-hops"].Origin);
        Assert.Equal("config.toml:3", result.Values["log-level"].Origin);
        Assert.Equal("config.toml:4", result.Values["gas-price"].Origin);
        Assert.Equal("database", result.Values["rate-pack"].Origin);
        Assert.Equal("default", result.Values["scans"].Origin);
    }

    [Theory]
    [InlineData("gas-price = \"abc\"", "gas-price")]
    [InlineData("log-level = \"loud\"", "log-level")]
    public void A_bad_value_in_the_file_is_reported_with_the_file_and_line(string line, string name)
    {
        using var dir = new TempDirectory();
        dir.Write("config.toml", "scans = \"on\"\n" + line + "\n");

        var result = NodeConfigurationResolver.Resolve(
            ["--data-directory", dir.Path, "--blockchain-service-url", Url], TestHosts.NoValues, TestHosts.NoValues, TestHosts.Linux());

        Assert.Null(result.Settings);
        var error = Assert.Single(result.Errors);
        Assert.Equal(name, error.Parameter);
        Assert.StartsWith($"Configuration file \"{Path.Join(dir.Path, "config.toml")}\", line 2: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_in_the_environment_names_the_variable()
    {
        var result = NodeConfigurationResolver.Resolve(
            ["--blockchain-service-url", Url], TestHosts.Env(("MASQ_GAS_PRICE", "abc")), TestHosts.NoValues, TestHosts.Linux());

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Environment variable MASQ_GAS_PRICE: ", error.Reason, StringComparison.Ordinal);
    }
}
