using System.Net;
using Masq.Cli.Commands;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Localnet;

namespace Masq.Cli.Tests.Localnet;

public sealed class LocalnetArgumentParserTests
{
    private const string DefaultDirectory = "/var/tmp/masq-localnet-default";

    [Fact]
    public void Up_with_only_N_takes_every_default()
    {
        var request = Parse("up", "3");

        Assert.Equal(LocalnetAction.Up, request.Action);
        var up = Assert.IsType<LocalnetUpOptions>(request.Up);
        Assert.Equal(3, up.Count);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), up.BaseIp);
        Assert.Equal(3, up.MinHops);
        Assert.Equal(DefaultDirectory, up.DataDirectory);
        Assert.Equal(DefaultDirectory, request.DataDirectory);
        Assert.Equal("dev", up.Chain);
        Assert.Null(up.DnsServers);
        Assert.Equal("standard", up.Mode);
        Assert.False(up.AllowLoopbackTargets);
        Assert.Equal(20000, up.FirstPort);
        Assert.Equal("info", up.LogLevel);
        Assert.Null(up.BlockchainServiceUrl);
    }

    [Fact]
    public void Up_takes_every_option()
    {
        var request = Parse(
            "up", "5", "--base-ip", "127.0.1.10", "--min-hops", "2", "--data-directory", "/tmp/ln", "--chain", "base-sepolia",
            "--dns-servers", "1.1.1.1,8.8.8.8", "--mode", "standard", "--allow-loopback-targets", "--first-port=30000",
            "--log-level", "debug", "--blockchain-service-url", "https://sepolia.base.org");

        var up = request.Up!;
        Assert.Equal(5, up.Count);
        Assert.Equal(IPAddress.Parse("127.0.1.10"), up.BaseIp);
        Assert.Equal(2, up.MinHops);
        Assert.Equal("/tmp/ln", up.DataDirectory);
        Assert.Equal("base-sepolia", up.Chain);
        Assert.Equal("1.1.1.1,8.8.8.8", up.DnsServers);
        Assert.True(up.AllowLoopbackTargets);
        Assert.Equal(30000, up.FirstPort);
        Assert.Equal("debug", up.LogLevel);
        Assert.Equal("https://sepolia.base.org", up.BlockchainServiceUrl);
    }

    [Fact]
    public void Options_may_come_before_N_and_relative_directories_become_absolute()
    {
        var request = Parse("up", "--data-directory", "ln", "2");

        Assert.Equal(2, request.Up!.Count);
        Assert.Equal(Path.GetFullPath("ln"), request.DataDirectory);
    }

    [Fact]
    public void A_home_relative_directory_is_expanded()
    {
        var request = Parse("status", "--data-directory", "~/ln");

        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "ln"), request.DataDirectory);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("50")]
    public void N_may_be_1_to_50(string count) => Assert.Equal(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), Parse("up", count).Up!.Count);

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-1")]
    [InlineData("three")]
    [InlineData("2.5")]
    public void N_outside_1_to_50_is_refused(string count)
    {
        var error = Error("up", count);

        Assert.Contains("N must be 1..50", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Up_without_N_says_N_is_missing() =>
        Assert.Contains("Missing N", Error("up", "--min-hops", "2"), StringComparison.Ordinal);

    [Theory]
    [InlineData("10.0.0.2", "is not in 127.0.0.0/8")]
    [InlineData("192.168.1.1", "is not in 127.0.0.0/8")]
    [InlineData("127.0.0.0", "is not in 127.0.0.0/8")]
    [InlineData("::1", "is not an IPv4 address")]
    [InlineData("127.1", "is not an IPv4 address")]
    [InlineData("booga", "is not an IPv4 address")]
    [InlineData("127.255.255.254", "would go past 127.255.255.254")]
    public void A_base_ip_outside_loopback_is_refused(string ip, string expected)
    {
        var error = Error("up", "2", "--base-ip", ip);

        Assert.StartsWith("Invalid value for '--base-ip'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_ip_may_be_127_0_0_1() => Assert.Equal(IPAddress.Loopback, Parse("up", "2", "--base-ip", "127.0.0.1").Up!.BaseIp);

    [Theory]
    [InlineData(new[] { "up", "2", "--min-hops", "0" }, "Invalid value for '--min-hops': '0' (expected 1-6)")]
    [InlineData(new[] { "up", "2", "--min-hops", "7" }, "Invalid value for '--min-hops': '7' (expected 1-6)")]
    [InlineData(new[] { "up", "2", "--chain", "moon" }, "Invalid value for '--chain': 'moon'")]
    [InlineData(new[] { "up", "2", "--dns-servers", "not-an-ip" }, "Invalid value for '--dns-servers': 'not-an-ip'")]
    [InlineData(new[] { "up", "2", "--mode", "zero-hop" }, "Invalid value for '--mode': 'zero-hop' (a localnet runs standard-mode Nodes only)")]
    [InlineData(new[] { "up", "2", "--mode", "turbo" }, "Invalid value for '--mode': 'turbo'")]
    [InlineData(new[] { "up", "2", "--first-port", "80" }, "Invalid value for '--first-port': '80'")]
    [InlineData(new[] { "up", "2", "--log-level", "loud" }, "Invalid value for '--log-level': 'loud'")]
    [InlineData(new[] { "up", "2", "--blockchain-service-url", "ftp://x" }, "Invalid value for '--blockchain-service-url': 'ftp://x'")]
    [InlineData(new[] { "up", "2", "--booga" }, "Unknown option '--booga' for 'localnet up'")]
    [InlineData(new[] { "up", "2", "3" }, "Unexpected argument '3' for 'localnet up'")]
    [InlineData(new[] { "up", "2", "--min-hops" }, "Option '--min-hops' needs a value")]
    [InlineData(new[] { "up", "2", "--allow-loopback-targets=yes" }, "Option '--allow-loopback-targets' takes no value")]
    [InlineData(new[] { "down", "--base-ip", "127.0.0.2" }, "Unknown option '--base-ip' for 'localnet down'")]
    [InlineData(new[] { "status", "--purge" }, "Unknown option '--purge' for 'localnet status'")]
    [InlineData(new[] { "status", "extra" }, "Unexpected argument 'extra' for 'localnet status'")]
    [InlineData(new[] { "sideways" }, "Unknown action 'sideways' for 'localnet' (expected up, down or status)")]
    [InlineData(new string[0], "Missing action for 'localnet': up, down or status")]
    public void Bad_arguments_are_named(string[] args, string expected) => Assert.StartsWith(expected, Error(args), StringComparison.Ordinal);

    [Fact]
    public void Down_and_status_take_the_data_directory_and_down_takes_purge()
    {
        var down = Parse("down", "--data-directory", "/tmp/ln", "--purge");
        var status = Parse("status");

        Assert.Equal(LocalnetAction.Down, down.Action);
        Assert.Equal("/tmp/ln", down.DataDirectory);
        Assert.True(down.Purge);
        Assert.Null(down.Up);
        Assert.Equal(LocalnetAction.Status, status.Action);
        Assert.Equal(DefaultDirectory, status.DataDirectory);
        Assert.False(status.Purge);
    }

    [Fact]
    public void The_cli_parser_reports_errors_with_the_usage_and_prints_help()
    {
        var error = CommandParser.Parse(["localnet", "up", "99"], new ParserOptions(false));
        var help = CommandParser.Parse(["localnet", "up", "--help"], new ParserOptions(false));
        var parsed = CommandParser.Parse(["localnet", "up", "2"], new ParserOptions(false));

        Assert.Equal(ParseOutcomeKind.Error, error.Kind);
        Assert.Equal("Invalid number of Nodes '99': N must be 1..50\nUsage: " + LocalnetCommand.Usage, error.Text);
        Assert.Equal(ParseOutcomeKind.Text, help.Kind);
        Assert.Contains("--allow-loopback-targets", help.Text, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IDaemonlessCommand>(parsed.Command);
        Assert.Contains("localnet", CommandCatalog.MainHelp, StringComparison.Ordinal);
    }

    private static LocalnetRequest Parse(params string[] args) => LocalnetArgumentParser.Parse(args, DefaultDirectory);

    private static string Error(params string[] args) =>
        Assert.Throws<CommandSyntaxException>(() => LocalnetArgumentParser.Parse(args, DefaultDirectory)).Message;
}
