using Masq.Cli.Output;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Output;

public sealed class BroadcastFormatterTests
{
    [Fact]
    public void Log_broadcasts_show_their_level()
    {
        var text = BroadcastFormatter.Format(UiEnvelope.From(new UiLogBroadcast("Empty. No Nodes to report to; continuing", UiLogLevel.Info)));

        Assert.Equal(ConsoleText.Out("\n\n>>  Info: Empty. No Nodes to report to; continuing\n\n"), text);
        Assert.Equal("\n\n>>  Warn: w\n\n", BroadcastFormatter.Format(UiEnvelope.From(new UiLogBroadcast("w", UiLogLevel.Warn))).Stdout);
    }

    [Theory]
    [InlineData(CrashReasonKind.ChildWaitFailure, "Couldn't wait", "\nThe Node running as process 12345 terminated:\n------\nthe Daemon couldn't wait on the child process: Couldn't wait\n------\nThe Daemon is once more accepting setup changes.\n\n")]
    [InlineData(CrashReasonKind.Unrecognized, "Just...failed!\n\n", "\nThe Node running as process 12345 terminated:\n------\nJust...failed!\n------\nThe Daemon is once more accepting setup changes.\n\n")]
    [InlineData(CrashReasonKind.Unrecognized, "", "\nThe Node running as process 12345 terminated.\nThe Daemon is once more accepting setup changes.\n\n")]
    [InlineData(CrashReasonKind.NoInformation, null, "\nThe Node running as process 12345 terminated.\nThe Daemon is once more accepting setup changes.\n\n")]
    public void Crashes_explain_the_reason(CrashReasonKind kind, string? reason, string expected)
    {
        var text = BroadcastFormatter.Format(UiEnvelope.From(new UiCrashedBroadcast(12345, new CrashReason(kind, reason))));

        Assert.Equal(ConsoleText.Out(expected), text);
    }

    [Fact]
    public void New_password_undelivered_and_unknown_messages()
    {
        Assert.Equal(ConsoleText.Out("\nThe Node's database password has changed.\n\n"), BroadcastFormatter.Format(UiEnvelope.From(new UiNewPasswordBroadcast())));
        Assert.Equal(
            ConsoleText.Err("\nCannot handle crash request: Node is not running.\n\n"),
            BroadcastFormatter.Format(UiEnvelope.From(new UiUndelivered("crash"))));
        Assert.Equal(
            ConsoleText.Err("Discarding unrecognized broadcast with opcode 'booga'\n\n"),
            BroadcastFormatter.Format(UiEnvelope.ForPayload("booga", null, "{}")));
    }

    [Theory]
    [InlineData(UiConnectionStage.ConnectedToNeighbor, "\nConnectedToNeighbor: Established neighborship with an external node.\n\n")]
    [InlineData(UiConnectionStage.RouteFound, "\nRouteFound: You can now relay data over the network.\n\n")]
    [InlineData(UiConnectionStage.NotConnected, "\nNotConnected: The Node has lost its connection to the network and is trying to reconnect.\n\n")]
    public void Connection_changes_describe_the_stage(UiConnectionStage stage, string expected)
    {
        Assert.Equal(ConsoleText.Out(expected), BroadcastFormatter.Format(UiEnvelope.From(new UiConnectionChangeBroadcast(stage))));
    }

    [Fact]
    public void Setup_broadcasts_show_the_table()
    {
        var setup = new UiSetupResponse(true, [new UiSetupResponseValue("chain", "eth-mainnet", SetupStatus.Configured)], []);

        var text = BroadcastFormatter.Format(UiEnvelope.From(setup));

        Assert.Equal(ConsoleText.Out("\nDaemon setup has changed:\n\n" + SetupTableFormatter.Format(setup)), text);
        Assert.Contains("the Node is currently running", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_changes_print_nothing()
    {
        Assert.Equal(ConsoleText.None, BroadcastFormatter.Format(UiEnvelope.From(new UiConfigurationChangedBroadcast())));
    }

    [Fact]
    public void A_known_broadcast_with_a_bad_payload_is_erratic()
    {
        var text = BroadcastFormatter.Format(UiEnvelope.ForPayload(Opcodes.Crashed, null, "{\"processId\":\"x\"}"));

        Assert.Null(text.Stdout);
        Assert.StartsWith("Node or Daemon is acting erratically: could not read 'crashed' broadcast:", text.Stderr, StringComparison.Ordinal);
    }
}
