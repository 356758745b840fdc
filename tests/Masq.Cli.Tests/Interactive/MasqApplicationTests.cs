using Masq.Cli.Commands;
using Masq.Cli.Tests.Fakes;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Tests.Interactive;

public sealed class MasqApplicationTests : IAsyncDisposable
{
    private readonly FakeConsole _console = new();
    private readonly FakeUiTransport _transport = new();

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    private Task<int> RunAsync(FakeConnector connector, params string[] args) =>
        new MasqApplication(_console, connector, new FakePortProbe(0)).RunAsync(args, CancellationToken.None);

    [Fact]
    public async Task Help_lists_the_subcommands_without_connecting()
    {
        var connector = new FakeConnector(null);

        Assert.Equal(0, await RunAsync(connector, "--help"));

        Assert.Equal(CommandCatalog.MainHelp, _console.Stdout);
        Assert.Empty(connector.Ports);
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        Assert.Equal(0, await RunAsync(new FakeConnector(null), "--version"));

        Assert.Equal("masq 1.0.0\n", _console.Stdout);
    }

    [Fact]
    public async Task Subcommand_help_needs_no_daemon()
    {
        Assert.Equal(0, await RunAsync(new FakeConnector(null), "financials", "--help"));

        Assert.StartsWith("financials: ", _console.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--ui-port", "1024" }, "Invalid value for '--ui-port': '1024'")]
    [InlineData(new[] { "uninvented-command" }, "Unrecognized command: 'uninvented-command'")]
    [InlineData(new[] { "set-configuration", "--gas-price", "0" }, "Invalid value for '--gas-price': '0'")]
    public async Task A_bad_command_line_fails_before_connecting(string[] args, string expected)
    {
        var connector = new FakeConnector(_transport);

        Assert.Equal(1, await RunAsync(connector, args));

        Assert.StartsWith(expected, _console.Stderr, StringComparison.Ordinal);
        Assert.Empty(connector.Ports);
    }

    [Fact]
    public async Task No_daemon_means_a_connection_error()
    {
        var connector = new FakeConnector(null);

        Assert.Equal(1, await RunAsync(connector, "--ui-port", "6666", "descriptor"));

        Assert.Equal([6666], connector.Ports);
        Assert.Equal(
            "Can't connect to Daemon or Node (Could not connect to 127.0.0.1:6666: Connection refused). Probably this means the Daemon isn't running.\n",
            _console.Stderr);
    }

    [Fact]
    public async Task A_subcommand_runs_once_on_the_default_port()
    {
        var connector = new FakeConnector(_transport);
        _transport.Answer(new UiDescriptorResponse("masq://dev:AQID@1.2.3.4:5"));

        Assert.Equal(0, await RunAsync(connector, "descriptor"));

        Assert.Equal([5333], connector.Ports);
        Assert.Equal("masq://dev:AQID@1.2.3.4:5\n", _console.Stdout);
        Assert.True(_transport.Disposed);
        Assert.False(_console.InterruptsCaptured);
    }

    [Fact]
    public async Task A_failing_subcommand_exits_with_1()
    {
        _transport.Fail(new UiCallException(0x8000_0000_0000_0003, "Could not launch Node: already running"));

        Assert.Equal(1, await RunAsync(new FakeConnector(_transport), "start"));

        Assert.Equal("Could not launch Node: already running (Code 8000_0000_0000_0003)\n", _console.Stderr);
    }

    [Fact]
    public async Task A_daemon_lost_during_a_subcommand_prints_the_termination_message()
    {
        _transport.Fail(new UiConnectionLostException("The Daemon's connection closed") { WasNode = false });

        Assert.Equal(1, await RunAsync(new FakeConnector(_transport), "setup"));

        Assert.Equal("\nThe Daemon is no longer running; masq is terminating.\n\n", _console.Stderr);
    }

    [Fact]
    public async Task Without_a_subcommand_masq_is_interactive()
    {
        _console.Type("version").EndInput();

        Assert.Equal(0, await RunAsync(new FakeConnector(_transport), "--ui-port", "7777"));

        Assert.True(_console.InterruptsCaptured);
        Assert.Equal("masq> \nmasq 1.0.0\nmasq> \nTerminated\n\n", _console.Stdout);
        Assert.True(_transport.Disposed);
    }
}
