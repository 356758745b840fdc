using Masq.Cli.Interactive;
using Masq.Cli.Output;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Interactive;

public sealed class InteractiveSessionTests : IAsyncDisposable
{
    private const string Prompt = "masq> ";

    private readonly FakeConsole _console;
    private readonly FakeUiTransport _transport = new();
    private readonly InteractiveSession _session;

    public InteractiveSessionTests()
        : this(isInputTerminal: false)
    {
    }

    private InteractiveSessionTests(bool isInputTerminal)
    {
        _console = new FakeConsole(isInputTerminal);
        var output = new OutputSink(_console.Out, _console.Error);
        _session = new InteractiveSession(_console, _transport, output, new ConsoleSecretReader(_console, output), new FakePortProbe(0));
    }

    private Task<int> RunAsync() => _session.RunAsync(_console.CaptureInterrupts());

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    [Fact]
    public async Task Version_in_a_script_prints_like_the_reference_transcript()
    {
        _console.Type("version").EndInput();

        var exitCode = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("masq> \nmasq 1.0.0\nmasq> \nTerminated\n\n", _console.Stdout);
        Assert.Equal(string.Empty, _console.Stderr);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        _console.Type("help").EndInput();

        await RunAsync();

        Assert.Contains("SUBCOMMANDS", _console.Stdout, StringComparison.Ordinal);
        Assert.Contains("exit ", _console.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_ends_with_success_and_prints_nothing_more()
    {
        _console.Type("exit", "version");

        Assert.Equal(0, await RunAsync());

        Assert.Equal("masq> \n", _console.Stdout);
    }

    [Fact]
    public async Task Empty_lines_are_ignored()
    {
        _console.Type("", "   ", "exit");

        Assert.Equal(0, await RunAsync());

        Assert.Equal("masq> \nmasq> \nmasq> \n", _console.Stdout);
        Assert.Empty(_transport.Sent);
    }

    [Fact]
    public async Task Commands_run_and_failures_do_not_end_the_loop()
    {
        _transport.AnswerError(UiErrorCodes.NodeNotRunning, "Cannot handle descriptor request: Node is not running");
        _transport.Answer(new UiStartResponse(77, 32768));
        _console.Type("descriptor", "booga", "setup --booga", "crash 'Accountant", "start").EndInput();

        Assert.Equal(0, await RunAsync());

        Assert.Equal(
            "MASQNode is not running; therefore its descriptor cannot be displayed.\n"
            + "Cannot handle descriptor request: Node is not running (Code 8000_0000_0000_0002)\n"
            + "Unrecognized command: 'booga'\nFound argument 'booga' which wasn't expected; type 'help' or run 'masq --help' for the list of commands.\n"
            + "Unknown setup parameter '--booga'\nUsage: setup [--<parameter> [<value>]]...\n"
            + "Unclosed quote (') in the command line\n",
            _console.Stderr);
        Assert.EndsWith("MASQNode successfully started in process 77 on port 32768\nmasq> \nTerminated\n\n", _console.Stdout, StringComparison.Ordinal);
        Assert.Equal([Opcodes.Descriptor, Opcodes.Start], _transport.Sent.Select(e => e.Opcode));
    }

    [Fact]
    public async Task Broadcasts_at_the_prompt_are_printed_and_the_prompt_is_shown_again()
    {
        var run = RunAsync();
        await Eventually.TrueAsync(() => _console.Stdout == Prompt, "the prompt");

        _transport.Broadcast(new UiLogBroadcast("Neighborhood is quiet", UiLogLevel.Warn));
        _transport.Broadcast(UiEnvelope.ForPayload("booga", null, "{}"));
        _transport.Broadcast(UiEnvelope.ForPayload(Opcodes.Financials, 99, "{}")); // a late answer, not a broadcast
        _console.EndInput();

        Assert.Equal(0, await run);
        Assert.Equal("masq> \n\n>>  Warn: Neighborhood is quiet\n\nmasq> masq> \nTerminated\n\n", _console.Stdout);
        Assert.Equal("Discarding unrecognized broadcast with opcode 'booga'\n\n", _console.Stderr);
    }

    [Fact]
    public async Task Broadcasts_during_a_command_come_without_an_extra_prompt()
    {
        _transport.Hang();
        var run = RunAsync();
        _console.Type("financials");
        await Eventually.TrueAsync(() => !_transport.Sent.IsEmpty, "the request");

        _transport.Broadcast(new UiNewPasswordBroadcast());
        _transport.LoseDaemon();

        Assert.Equal(1, await run);
        Assert.Equal("masq> \n\nThe Node's database password has changed.\n\n", _console.Stdout);
    }

    [Fact]
    public async Task Losing_the_daemon_at_the_prompt_terminates_with_the_exact_message()
    {
        var run = RunAsync();
        await Eventually.TrueAsync(() => _console.Stdout == Prompt, "the prompt");

        _transport.LoseDaemon();

        Assert.Equal(1, await run);
        Assert.Equal("\nThe Daemon is no longer running; masq is terminating.\n\n", _console.Stderr);
    }

    [Fact]
    public async Task Losing_the_daemon_during_a_command_terminates_with_the_exact_message()
    {
        _transport.Hang();
        var run = RunAsync();
        _console.Type("setup --log-level debug");
        await Eventually.TrueAsync(() => !_transport.Sent.IsEmpty, "the setup request");

        _transport.LoseDaemon();

        Assert.Equal(1, await run);
        Assert.Equal("\nThe Daemon is no longer running; masq is terminating.\n\n", _console.Stderr);
    }

    [Fact]
    public async Task A_node_shut_down_through_its_own_ui_port_is_not_a_lost_daemon()
    {
        // masq --ui-port <a Node's UI port>: the one connection is the Node's, and it drops as the Node obeys.
        _transport.Fail(new Masq.Lib.Ui.Client.UiConnectionLostException("The connection closed") { WasNode = false });
        _console.Type("shutdown");

        Assert.Equal(0, await RunAsync());

        Assert.Contains("MASQNode was instructed to shut down and has broken its connection\n", _console.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(ErrorText.NodeGone, _console.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _console.Stderr);
    }

    [Fact]
    public async Task A_daemon_already_gone_ends_the_session_at_once()
    {
        _transport.IsDaemonConnected = false;

        Assert.Equal(1, await RunAsync());

        Assert.Equal(ErrorText.DaemonGone, _console.Stderr);
    }

    [Fact]
    public async Task Ctrl_c_at_the_prompt_terminates_successfully()
    {
        var run = RunAsync();
        await Eventually.TrueAsync(() => _console.Stdout == Prompt, "the prompt");

        _console.PressCtrlC();

        Assert.Equal(0, await run);
        Assert.EndsWith("\n\nTerminated\n\n", _console.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, _console.Stderr);
    }

    [Fact]
    public async Task Ctrl_c_during_a_command_terminates_successfully()
    {
        _transport.Hang();
        var run = RunAsync();
        _console.Type("start");
        await Eventually.TrueAsync(() => !_transport.Sent.IsEmpty, "the start request");

        _console.PressCtrlC();

        Assert.Equal(0, await run);
        Assert.Equal("masq> \n\n\nTerminated\n\n", _console.Stdout);
    }

    [Fact]
    public async Task A_read_error_ends_with_failure()
    {
        _console.BreakInput(new IOException("Input/output error"));

        Assert.Equal(1, await RunAsync());

        Assert.Equal("\nReading from the terminal: Input/output error\n", _console.Stderr);
    }

    [Fact]
    public async Task At_a_terminal_typed_lines_are_not_echoed_again()
    {
        var console = new FakeConsole(isInputTerminal: true);
        var output = new OutputSink(console.Out, console.Error);
        var session = new InteractiveSession(console, _transport, output, new ConsoleSecretReader(console, output), new FakePortProbe(0));
        console.Type("version").EndInput();

        Assert.Equal(0, await session.RunAsync(console.CaptureInterrupts()));

        Assert.Equal("masq> masq 1.0.0\nmasq> \nTerminated\n\n", console.Stdout);
    }

    [Fact]
    public async Task At_a_terminal_a_missing_secret_is_asked_for_and_not_shown()
    {
        var console = new FakeConsole(isInputTerminal: true).Secret("hunter2");
        var output = new OutputSink(console.Out, console.Error);
        var session = new InteractiveSession(console, _transport, output, new ConsoleSecretReader(console, output), new FakePortProbe(0));
        _transport.Answer(new UiWalletAddressesResponse("0xc0", "0xea"));
        console.Type("wallet-addresses").EndInput();

        Assert.Equal(0, await session.RunAsync(console.CaptureInterrupts()));

        Assert.Equal("hunter2", Assert.Single(_transport.Sent).GetPayload<UiWalletAddressesRequest>().DbPassword);
        Assert.Equal("Database password: \n", console.Stderr);
        Assert.DoesNotContain("hunter2", console.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_script_a_missing_secret_is_a_syntax_error()
    {
        _console.Type("wallet-addresses").EndInput();

        await RunAsync();

        Assert.Contains("wallet-addresses needs the argument <DB-PASSWORD>", _console.Stderr, StringComparison.Ordinal);
        Assert.Empty(_transport.Sent);
    }
}
