using Masq.Cli.Commands;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Commands;

public sealed class CrashCommandTests
{
    [Fact]
    public async Task Interactive_crash_sends_fire_and_forget_and_returns()
    {
        var harness = new CommandHarness(interactive: true);

        Assert.Equal(CommandResult.Success, await harness.RunAsync("crash Dispatcher booga"));

        var sent = Assert.Single(harness.Transport.Sent);
        Assert.Null(sent.ContextId);
        Assert.Equal(new UiCrashRequest("DISPATCHER", "booga"), sent.GetPayload<UiCrashRequest>());
        Assert.Equal(string.Empty, harness.Stdout);
    }

    [Fact]
    public async Task One_shot_crash_reports_an_undelivered_message()
    {
        var harness = new CommandHarness();
        harness.Transport.OnSend = _ => harness.Transport.Broadcast(new UiUndelivered(Opcodes.Crash));

        Assert.Equal(CommandResult.Failure, await harness.RunAsync("crash"));

        Assert.Equal("Cannot handle crash request: Node is not running.\n", harness.Stderr);
    }

    [Fact]
    public async Task One_shot_crash_waits_until_the_redirect_reaches_the_node()
    {
        var harness = new CommandHarness();
        harness.Transport.OnSend = envelope =>
        {
            _ = Task.Run(async () =>
            {
                await Task.Delay(50);
                harness.Transport.NodePort = 40000;
            });
        };

        Assert.Equal(CommandResult.Success, await harness.RunAsync("crash"));

        Assert.Equal(40000, harness.Transport.NodePort);
        Assert.Equal(string.Empty, harness.Stderr);
    }

    [Fact]
    public async Task One_shot_crash_gives_up_waiting_quietly()
    {
        var harness = new CommandHarness();

        Assert.Equal(CommandResult.Success, await harness.RunAsync("crash Accountant"));

        Assert.Equal(new UiCrashRequest("ACCOUNTANT", "Intentional crash"), Assert.Single(harness.Transport.Sent).GetPayload<UiCrashRequest>());
        Assert.Equal(string.Empty, harness.Stderr);
    }
}
