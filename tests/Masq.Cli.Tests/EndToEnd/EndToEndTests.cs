using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.EndToEnd;

/// <summary>The real masq binary against a real SignalR server on loopback.</summary>
public sealed class EndToEndTests
{
    private const string Descriptor = "masq://base-mainnet:AQIDBAUGBwgJCgsMDQ4PEA@1.2.3.4:1234";

    [Fact]
    public async Task One_shot_descriptor_round_trip()
    {
        await using var daemon = await FakeUiServer.StartAsync((request, _) =>
            request.Opcode == Opcodes.Descriptor ? request.Reply(new UiDescriptorResponse(Descriptor)) : null);

        var (exitCode, stdout, stderr) = await MasqProcess.RunAsync("--ui-port", daemon.Port.ToString(), "descriptor");

        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exitCode);
        Assert.Equal(Descriptor + "\n", stdout);
        var request = Assert.Single(daemon.Received);
        Assert.Equal((Opcodes.Descriptor, (ulong?)1UL), (request.Opcode, request.ContextId));
    }

    [Fact]
    public async Task One_shot_node_not_running_is_an_error_with_its_code()
    {
        await using var daemon = await FakeUiServer.StartAsync((request, _) =>
            request.ErrorReply(UiErrorCodes.NodeNotRunning, $"Cannot handle {request.Opcode} request: Node is not running"));

        var (exitCode, stdout, stderr) = await MasqProcess.RunAsync("--ui-port", daemon.Port.ToString(), "descriptor");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(
            "MASQNode is not running; therefore its descriptor cannot be displayed.\n"
            + "Cannot handle descriptor request: Node is not running (Code 8000_0000_0000_0002)\n",
            stderr);
    }

    [Fact]
    public async Task One_shot_setup_prints_the_table_from_the_wire()
    {
        await using var daemon = await FakeUiServer.StartAsync((request, _) =>
        {
            var values = request.GetPayload<UiSetupRequest>().Values
                .Select(v => new UiSetupResponseValue(v.Name, v.Value ?? string.Empty, SetupStatus.Set))
                .ToList();
            return request.Reply(new UiSetupResponse(false, values, [new UiSetupError("ip", "Invalid value: x")]));
        });

        var (exitCode, stdout, stderr) = await MasqProcess.RunAsync(
            "--ui-port", daemon.Port.ToString(), "setup", "--neighborhood-mode", "zero-hop", "--log-level", "error");

        Assert.Equal(string.Empty, stderr);
        Assert.Equal(1, exitCode); // the table lists an error: the setup is not right
        Assert.Equal(
            $"{"NAME",-29} {"VALUE",-64} STATUS\n"
            + $"{"log-level",-29} {"error",-64} Set\n"
            + $"{"neighborhood-mode",-29} {"zero-hop",-64} Set\n"
            + "\nERRORS:\n"
            + $"{"ip",-29} Invalid value: x\n\n",
            stdout);
    }

    [Fact]
    public async Task No_daemon_means_masq_cannot_connect()
    {
        int port;
        await using (var gone = await FakeUiServer.StartAsync((_, _) => null))
        {
            port = gone.Port;
        }

        var (exitCode, _, stderr) = await MasqProcess.RunAsync("--ui-port", port.ToString(), "descriptor");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Can't connect to Daemon or Node (", stderr, StringComparison.Ordinal);
        Assert.EndsWith("). Probably this means the Daemon isn't running.\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_version_need_no_daemon()
    {
        var help = await MasqProcess.RunAsync("--help");
        var version = await MasqProcess.RunAsync("--version");
        var bad = await MasqProcess.RunAsync("uninvented-command");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("SUBCOMMANDS", help.Stdout, StringComparison.Ordinal);
        Assert.Equal((0, "masq 1.0.0\n"), (version.ExitCode, version.Stdout));
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("Unrecognized command: 'uninvented-command'\n", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_follows_the_redirect_and_succeeds_when_the_node_drops_the_connection()
    {
        await using var node = await FakeUiServer.StartAsync((request, context) =>
        {
            context.Abort(); // the Node exits without answering
            return null;
        });
        await using var daemon = await FakeUiServer.StartAsync((request, _) =>
            UiEnvelope.From(new UiRedirect((ushort)node.Port, request.Opcode, request.ContextId, request.PayloadJson!)));

        var (exitCode, stdout, stderr) = await MasqProcess.RunAsync("--ui-port", daemon.Port.ToString(), "shutdown");

        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exitCode);
        Assert.Equal("MASQNode was instructed to shut down and has broken its connection\n", stdout);
        // The shutdown, then the setup query that looks for the Daemon to see the Node gone (this fake redirects that
        // too, and its Node drops it).
        Assert.Equal(Opcodes.Shutdown, node.Received.First().Opcode);
        Assert.All(node.Received.Skip(1), e => Assert.Equal(Opcodes.Setup, e.Opcode));
    }

    [Fact]
    public async Task Interactive_script_prints_broadcasts_and_runs_commands()
    {
        await using var daemon = await FakeUiServer.StartAsync((request, _) =>
            request.Opcode == Opcodes.Descriptor ? request.Reply(new UiDescriptorResponse(null)) : null);
        using var masq = MasqProcess.Start("--ui-port", daemon.Port.ToString());
        await masq.WaitForStdoutAsync(s => s == "masq> ", "the prompt");

        await daemon.BroadcastAsync(UiEnvelope.From(new UiLogBroadcast("Neighborhood is quiet", UiLogLevel.Info)));
        await masq.WaitForStdoutAsync(s => s.EndsWith(">>  Info: Neighborhood is quiet\n\nmasq> ", StringComparison.Ordinal), "the broadcast");
        masq.Type("version");
        masq.Type("descriptor");
        masq.CloseInput();

        Assert.Equal(0, await masq.WaitForExitAsync());
        Assert.Equal(
            "masq> \n\n>>  Info: Neighborhood is quiet\n\nmasq> "
            + "\nmasq 1.0.0\nmasq> "
            + "\nNode descriptor is not yet available; try again later\nmasq> "
            + "\nTerminated\n\n",
            masq.Stdout);
        Assert.Equal(string.Empty, masq.Stderr);
    }

    [Fact]
    public async Task Interactive_masq_terminates_when_the_daemon_dies()
    {
        var daemon = await FakeUiServer.StartAsync((_, _) => null);
        using var masq = MasqProcess.Start("--ui-port", daemon.Port.ToString());
        await masq.WaitForStdoutAsync(s => s == "masq> ", "the prompt");

        await daemon.DisposeAsync();

        Assert.Equal(1, await masq.WaitForExitAsync());
        Assert.Equal("\nThe Daemon is no longer running; masq is terminating.\n\n", masq.Stderr);
    }

    [Fact]
    public async Task At_a_terminal_a_missing_password_is_asked_for_without_echo()
    {
        if (!File.Exists("/usr/bin/script"))
        {
            return; // needs util-linux script for a pseudo-terminal
        }
        await using var daemon = await FakeUiServer.StartAsync((request, _) => request.Reply(new UiWalletAddressesResponse("0xc0", "0xea")));
        using var masq = MasqProcess.StartOnTerminal("--ui-port", daemon.Port.ToString(), "wallet-addresses");
        await masq.WaitForStdoutAsync(s => s.Contains("Database password: ", StringComparison.Ordinal), "the password prompt");
        await Task.Delay(300); // let masq switch the terminal's echo off before the password arrives

        masq.Type("hunter2");

        Assert.Equal(0, await masq.WaitForExitAsync());
        Assert.Equal("hunter2", Assert.Single(daemon.Received).GetPayload<UiWalletAddressesRequest>().DbPassword);
        Assert.Contains("Your consuming wallet address: 0xc0", masq.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", masq.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_masq_ends_quietly_on_sigint()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGINT is a Unix signal
        }
        await using var daemon = await FakeUiServer.StartAsync((_, _) => null);
        using var masq = MasqProcess.Start("--ui-port", daemon.Port.ToString());
        await masq.WaitForStdoutAsync(s => s == "masq> ", "the prompt");

        masq.Interrupt();

        Assert.Equal(0, await masq.WaitForExitAsync());
        Assert.Equal(string.Empty, masq.Stderr);
        Assert.EndsWith("\n\nTerminated\n\n", masq.Stdout, StringComparison.Ordinal);
    }
}
