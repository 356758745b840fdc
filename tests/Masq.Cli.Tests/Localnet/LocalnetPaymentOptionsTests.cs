using Masq.Cli.Localnet;

namespace Masq.Cli.Tests.Localnet;

/// <summary><c>localnet up</c>'s payment options: parsed, checked, passed to every Node, and explained.</summary>
public sealed class LocalnetPaymentOptionsTests
{
    private const string DefaultDirectory = "/var/tmp/masq-localnet-default";

    [Fact]
    public void Payment_thresholds_scan_intervals_and_rate_pack_are_taken_as_given()
    {
        var up = Up("up", "3", "--payment-thresholds", "1000|0|1000000|0|1|0", "--scan-intervals", "5|10|5", "--rate-pack", "1|2|3|4");

        Assert.Equal("1000|0|1000000|0|1|0", up.PaymentThresholds);
        Assert.Equal("5|10|5", up.ScanIntervals);
        Assert.Equal("1|2|3|4", up.RatePack);
    }

    [Fact]
    public void Without_them_the_Nodes_keep_their_defaults()
    {
        var up = Up("up", "3");

        Assert.Null(up.PaymentThresholds);
        Assert.Null(up.ScanIntervals);
        Assert.Null(up.RatePack);
    }

    [Theory]
    [InlineData("--payment-thresholds", "1000|0|1", "Invalid value for '--payment-thresholds': '1000|0|1'")]
    [InlineData("--payment-thresholds", "10|0|0|10|1|0", "Invalid value for '--payment-thresholds': '10|0|0|10|1|0'")]
    [InlineData("--scan-intervals", "5|x|5", "Invalid value for '--scan-intervals': '5|x|5'")]
    [InlineData("--rate-pack", "1|2|3", "Invalid value for '--rate-pack': '1|2|3'")]
    public void Bad_values_are_refused_with_the_option_named(string option, string value, string expected)
    {
        var message = Assert.Throws<Masq.Cli.Commands.Parsing.CommandSyntaxException>(() => LocalnetArgumentParser.Parse(["up", "3", option, value], DefaultDirectory)).Message;

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Node_is_started_with_them()
    {
        var options = LocalnetPlannerTests.Options(3) with { PaymentThresholds = "1000|0|1000000|0|1|0", ScanIntervals = "5|10|5", RatePack = "1|2|3|4" };
        var secrets = new LocalnetNodeSecrets("pw", new string('a', 64));

        foreach (var node in LocalnetPlanner.Plan(options, (_, _) => true))
        {
            var arguments = LocalnetNodeLaunch.For(options, node, node.Neighbors.Select(_ => "masq://dev:x@1.2.3.4:5").ToList(), secrets).Arguments.ToList();

            Assert.Equal("1000|0|1000000|0|1|0", arguments[arguments.IndexOf("--payment-thresholds") + 1]);
            Assert.Equal("5|10|5", arguments[arguments.IndexOf("--scan-intervals") + 1]);
            Assert.Equal("1|2|3|4", arguments[arguments.IndexOf("--rate-pack") + 1]);
        }
    }

    [Fact]
    public void Up_prints_each_Nodes_wallets_and_the_payment_settings()
    {
        var options = LocalnetPlannerTests.Options(1) with { BlockchainServiceUrl = "http://127.0.0.1:18545", PaymentThresholds = "1000|0|1000000|0|1|0", ScanIntervals = "5|10|5" };
        var node = new LocalnetNodeState(1, "127.0.0.2", 20000, 20001, 20002, "/tmp/ln/node-1", "/tmp/ln/node-1/node.log", [], "masq://dev:k@127.0.0.2:20000", 42, 1, "pw", new string('a', 64),
            "0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222");
        var state = new LocalnetState(LocalnetState.CurrentVersion, "dev", 3, ["MASQNode"], DateTimeOffset.UnixEpoch, [node]);

        var text = LocalnetFormatter.Started(state, options);

        Assert.Contains("  consuming wallet: 0x1111111111111111111111111111111111111111    (pays from it; key in localnet.json)\n", text, StringComparison.Ordinal);
        Assert.Contains("  earning wallet:   0x2222222222222222222222222222222222222222    (earns into it)\n", text, StringComparison.Ordinal);
        Assert.Contains("Note: payment thresholds 1000|0|1000000|0|1|0; scan intervals 5|10|5 s.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void At_the_default_thresholds_the_notes_say_how_to_see_a_payment_soon()
    {
        var notes = LocalnetFormatter.Notes(LocalnetPlannerTests.Options(7) with { BlockchainServiceUrl = "http://127.0.0.1:18545" });

        Assert.Contains(notes, n => n.Contains("--payment-thresholds '1000|0|1000000|0|1|0'", StringComparison.Ordinal));
    }

    private static LocalnetUpOptions Up(params string[] args) => LocalnetArgumentParser.Parse(args, DefaultDirectory).Up!;
}
