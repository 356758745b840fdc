using Masq.Cli.Localnet;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Localnet;

public sealed class LocalnetFormatterTests
{
    [Fact]
    public void The_summary_shows_each_Node_and_how_to_use_it()
    {
        var options = LocalnetPlannerTests.Options(2);
        var state = State(options);

        var text = LocalnetFormatter.Started(state, options);

        Assert.Contains("Node 1: 127.0.0.2 (running, pid 101)", text, StringComparison.Ordinal);
        Assert.Contains("  descriptor: masq://dev:AAA@127.0.0.2:20000", text, StringComparison.Ordinal);
        Assert.Contains("  ui-port:    20001    try: masq --ui-port 20001 connection-status", text, StringComparison.Ordinal);
        Assert.Contains("  proxy:      http://127.0.0.1:20002    try: curl -x http://127.0.0.1:20002 http://example.com/", text, StringComparison.Ordinal);
        Assert.Contains("  debuts to:  none (the first Node)", text, StringComparison.Ordinal);
        Assert.Contains("Node 2: 127.0.0.3 (running, pid 102)", text, StringComparison.Ordinal);
        Assert.Contains("  debuts to:  Node 1", text, StringComparison.Ordinal);
        Assert.Contains("'masq localnet down --data-directory /tmp/ln' stops them", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_shows_which_Nodes_run_and_their_connection_stage()
    {
        var options = LocalnetPlannerTests.Options(2);

        var text = LocalnetFormatter.Status("/tmp/ln", State(options), [true, false], [UiConnectionStage.RouteFound, null]);

        Assert.StartsWith("Localnet in /tmp/ln: 1 of 2 Nodes running", text, StringComparison.Ordinal);
        Assert.Contains("  status:     RouteFound: You can relay data over the network.", text, StringComparison.Ordinal);
        Assert.Contains("Node 2: 127.0.0.3 (stopped)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not answering", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_names_a_running_Node_that_does_not_answer()
    {
        var text = LocalnetFormatter.Status("/tmp/ln", State(LocalnetPlannerTests.Options(1)), [true], [null]);

        Assert.Contains("  status:     [not answering on UI port 20001]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_warn_about_too_few_Nodes_for_the_hops_and_loopback_targets()
    {
        var few = LocalnetFormatter.Notes(LocalnetPlannerTests.Options(3));
        var enough = LocalnetFormatter.Notes(LocalnetPlannerTests.Options(6) with { AllowLoopbackTargets = true, BlockchainServiceUrl = "https://x.org" });

        Assert.Contains(few, n => n.Contains("3 Nodes cannot find one: start 6 Nodes or lower --min-hops", StringComparison.Ordinal));
        Assert.Contains(few, n => n.Contains("--allow-loopback-targets", StringComparison.Ordinal));
        Assert.Contains(few, n => n.Contains("Payments are off", StringComparison.Ordinal));
        // Enough Nodes and loopback targets allowed: only the notes on payments remain.
        Assert.All(enough, n => Assert.Contains("payment", n, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(enough, n => n.Contains("cannot find one", StringComparison.Ordinal) || n.Contains("--allow-loopback-targets", StringComparison.Ordinal));
    }

    [Fact]
    public void The_descriptor_is_read_from_the_last_descriptor_line_after_the_offset()
    {
        var log = Path.GetTempFileName();
        try
        {
            File.WriteAllText(log, "MASQ Node local descriptor: masq://dev:OLD@127.0.0.2:1\n");
            var offset = new FileInfo(log).Length;
            File.AppendAllText(log, "[07:23:39 INF] MASQ Node local descriptor: masq://dev:NEW@127.0.0.2:20000\nMASQ Node local descriptor: masq://dev:NEW@127.0.0.2:20000\n[07:23:45 INF] Listening\n");

            Assert.Equal("masq://dev:NEW@127.0.0.2:20000", LocalnetRunner.DescriptorFromLog(log, offset));
            Assert.Equal("masq://dev:NEW@127.0.0.2:20000", LocalnetRunner.DescriptorFromLog(log, 0));
            Assert.Null(LocalnetRunner.DescriptorFromLog(log, new FileInfo(log).Length));
            Assert.Null(LocalnetRunner.DescriptorFromLog(log + ".missing", 0));
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static LocalnetState State(LocalnetUpOptions options) =>
        new(LocalnetState.CurrentVersion, "dev", 3, ["MASQNode"], DateTimeOffset.UnixEpoch,
            LocalnetPlanner.Plan(options, (_, _) => true)
                .Select(n => new LocalnetNodeState(n.Index, n.Ip.ToString(), n.ClandestinePort, n.UiPort, n.ProxyPort, n.DataDirectory, n.LogFile,
                    n.Neighbors, $"masq://dev:{(n.Index == 1 ? "AAA" : "BBB")}@{n.Ip}:{n.ClandestinePort}", 100 + n.Index, 0, "pw", "key"))
                .ToList());
}
