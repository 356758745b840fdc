using Masq.Cli.Commands;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Commands;

public sealed class ShutdownCommandTests
{
    [Fact]
    public async Task A_dropped_node_connection_is_success()
    {
        var harness = new CommandHarness();
        harness.Transport.Fail(new UiConnectionLostException("The Node's connection closed") { WasNode = true });

        Assert.Equal(CommandResult.Success, await harness.RunAsync("shutdown"));

        Assert.Equal("MASQNode was instructed to shut down and has broken its connection\n", harness.Stdout);
        Assert.Equal(string.Empty, harness.Stderr);
        // Then one setup query to see whether the Daemon saw the Node go (unanswered here: the command does not wait).
        Assert.Equal([Opcodes.Shutdown, Opcodes.Setup], harness.Transport.Sent.Select(e => e.Opcode));
        Assert.Equal(TimeSpan.FromSeconds(60), harness.Transport.Timeouts.First());
    }

    [Fact]
    public async Task After_a_dropped_connection_it_waits_until_the_daemon_no_longer_counts_the_node_as_running()
    {
        var harness = new CommandHarness();
        harness.Transport
            .Fail(new UiConnectionLostException("The Node's connection closed") { WasNode = true })
            .Answer(new UiSetupResponse(true, [], []))
            .Answer(new UiSetupResponse(true, [], []))
            .Answer(new UiSetupResponse(false, [], []));

        Assert.Equal(CommandResult.Success, await harness.RunAsync("shutdown"));

        Assert.Equal("MASQNode was instructed to shut down and has broken its connection\n", harness.Stdout);
        Assert.Equal([Opcodes.Shutdown, Opcodes.Setup, Opcodes.Setup, Opcodes.Setup], harness.Transport.Sent.Select(e => e.Opcode));
        Assert.All(harness.Transport.Sent.Skip(1), e => Assert.Equal("{\"values\":[]}", e.PayloadJson));
    }

    [Fact]
    public async Task Without_a_daemon_a_dropped_connection_is_success_at_once()
    {
        var harness = new CommandHarness();
        harness.Transport.IsDaemonConnected = false;
        harness.Transport.Fail(new UiConnectionLostException("The Node's connection closed") { WasNode = true });

        Assert.Equal(CommandResult.Success, await harness.RunAsync("shutdown"));

        Assert.Equal("MASQNode was instructed to shut down and has broken its connection\n", harness.Stdout);
        Assert.Equal(Opcodes.Shutdown, Assert.Single(harness.Transport.Sent).Opcode);
    }

    [Fact]
    public async Task A_node_that_answers_and_then_closes_its_port_has_stopped_answering()
    {
        var harness = new CommandHarness(probe: new FakePortProbe(2));
        harness.Transport.NodePort = 40123;
        harness.Transport.Answer(new UiShutdownRequest());

        Assert.Equal(CommandResult.Success, await harness.RunAsync("shutdown"));

        Assert.Equal("MASQNode was instructed to shut down and has stopped answering\n", harness.Stdout);
        Assert.Equal([40123, 40123, 40123], harness.Probe.ProbedPorts);
    }

    [Fact]
    public async Task A_node_that_answers_and_keeps_its_port_open_ignored_the_instruction()
    {
        var harness = new CommandHarness(probe: new FakePortProbe(int.MaxValue));
        harness.Transport.NodePort = 40123;
        harness.Transport.Answer(new UiShutdownRequest());

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("shutdown"));

        Assert.Equal("MASQNode ignored the instruction to shut down and is still running\n", harness.Stderr);
        Assert.True(harness.Probe.ProbedPorts.Count > 10);
    }

    [Fact]
    public async Task A_lost_daemon_during_shutdown_ends_masq()
    {
        var harness = new CommandHarness();
        harness.Transport.NodePort = 40123; // through the Daemon: the Node's own connection is a different one
        harness.Transport.Fail(new UiConnectionLostException("The Daemon's connection closed") { WasNode = false });

        Assert.Equal(CommandResult.DaemonLost, await harness.RunAsync("shutdown"));

        Assert.Equal(string.Empty, harness.Stdout);
    }

    [Fact]
    public async Task A_shutdown_that_gets_no_answer_times_out()
    {
        var harness = new CommandHarness();

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("shutdown"));

        Assert.Equal("No response from Node or Daemon after 60000ms (Code 8000_0000_0000_0006)\n", harness.Stderr);
    }

    [Fact]
    public async Task Connected_straight_to_a_node_the_dropped_connection_is_the_node_shutting_down()
    {
        // masq --ui-port <the Node's UI port> shutdown: the one connection masq has is the Node's.
        var harness = new CommandHarness();
        harness.Transport.Fail(new UiConnectionLostException("The connection closed") { WasNode = false });

        Assert.Equal(CommandResult.NodeShutDown, await harness.RunAsync("shutdown"));

        Assert.Equal("MASQNode was instructed to shut down and has broken its connection\n", harness.Stdout);
        Assert.DoesNotContain("Daemon", harness.Stdout + harness.Stderr, StringComparison.Ordinal);
    }
}
