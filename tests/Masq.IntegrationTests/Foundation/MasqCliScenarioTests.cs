using System.Diagnostics;
using System.Text;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.Foundation;

/// <summary>Spec §7 acceptance scenarios with the real masq binary, the real Daemon and the real Node it launches.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class MasqCliScenarioTests
{
    [Fact]
    public async Task Without_a_Daemon_masq_says_it_cannot_connect_and_exits_1()
    {
        var port = Ports.Free();
        var result = await ProcessRunner.RunAsync(MasqBinaries.Cli, ["--ui-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "descriptor"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Can't connect to Daemon or Node", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Probably this means the Daemon isn't running.", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_help_and_version()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var unknown = await daemon.MasqAsync("uninvented-command");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Found argument 'uninvented-command' which wasn't expected", unknown.StandardError, StringComparison.Ordinal);

        var help = await ProcessRunner.RunAsync(MasqBinaries.Cli, ["--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("SUBCOMMANDS", help.StandardOutput, StringComparison.Ordinal);
        foreach (var command in new[] { "setup", "start", "shutdown", "descriptor", "configuration", "connection-status", "check-password", "set-password", "change-password", "set-configuration", "crash", "generate-wallets", "recover-wallets", "wallet-addresses", "financials", "scan", "exit-location", "neighborhood-graph" })
        {
            Assert.Contains(command, help.StandardOutput, StringComparison.Ordinal);
        }

        var version = await ProcessRunner.RunAsync(MasqBinaries.Cli, ["--version"]);
        Assert.Equal("masq 1.0.0", version.StandardOutput.Trim());

        var interactive = await daemon.MasqInteractiveAsync("version\n");
        Assert.Contains("masq> \nmasq 1.0.0\nmasq> ", interactive.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_cycle_setup_start_password_configuration_shutdown()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var dataDirectory = daemon.Home.Combine("masq-cycle");

        var setup = await daemon.MasqAsync("setup", "--log-level", "error", "--neighborhood-mode", "zero-hop", "--data-directory", dataDirectory, "--blockchain-service-url", "https://example.com");
        Assert.True(setup.ExitCode == 0, setup.ToString());
        Assert.Equal(string.Empty, setup.StandardError);
        Assert.Matches(@"neighborhood-mode\s+zero-hop\s+Set", setup.StandardOutput);

        var start = await daemon.MasqAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal(string.Empty, start.StandardError);
        Assert.Matches(@"MASQNode successfully started in process \d+ on port \d+", start.StandardOutput);

        var descriptor = await daemon.MasqAsync("descriptor");
        Assert.True(descriptor.ExitCode == 0, descriptor.ToString());
        Assert.Contains("A zero-hop Node has no descriptor", descriptor.StandardOutput, StringComparison.Ordinal);

        var status = await daemon.MasqAsync("connection-status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.StartsWith("ZeroHop: no neighbors needed", status.StandardOutput, StringComparison.Ordinal);

        var setPassword = await daemon.MasqAsync("set-password", "booga");
        Assert.True(setPassword.ExitCode == 0, setPassword.ToString());
        Assert.Contains("Database password has been changed", setPassword.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Password is correct", (await daemon.MasqAsync("check-password", "booga")).StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Password is incorrect", (await daemon.MasqAsync("check-password", "wrong")).StandardOutput, StringComparison.Ordinal);

        var wrongChange = await daemon.MasqAsync("change-password", "wrong", "new");
        Assert.Equal(1, wrongChange.ExitCode);
        Assert.Contains("(Code 0001_0000_0000_0002)", wrongChange.StandardError, StringComparison.Ordinal);
        Assert.Contains("Password is correct", (await daemon.MasqAsync("check-password", "booga")).StandardOutput, StringComparison.Ordinal);

        var configuration = await daemon.MasqAsync("configuration", "booga");
        Assert.True(configuration.ExitCode == 0, configuration.ToString());
        Assert.Matches(@"Neighborhood mode:\s+zero-hop", configuration.StandardOutput);
        Assert.Matches(@"Chain:\s+base-mainnet", configuration.StandardOutput);
        Assert.Matches(@"Blockchain service URL:\s+https://example.com", configuration.StandardOutput);

        var setMinHops = await daemon.MasqAsync("set-configuration", "--min-hops", "4");
        Assert.True(setMinHops.ExitCode == 0, setMinHops.ToString());
        Assert.Contains("Parameter was successfully set", setMinHops.StandardOutput, StringComparison.Ordinal);

        var shutdown = await daemon.MasqAsync("shutdown");
        Assert.True(shutdown.ExitCode == 0, shutdown.ToString());
        Assert.Equal(string.Empty, shutdown.StandardError);
        Assert.Contains("MASQNode was instructed to shut down and has broken its connection", shutdown.StandardOutput, StringComparison.Ordinal);

        var afterwards = await daemon.MasqAsync("shutdown");
        Assert.True(afterwards.ExitCode == 1, afterwards.ToString());
        Assert.Contains("MASQNode is not running; therefore it cannot be shut down", afterwards.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_ending_in_the_chain_is_kept_exactly()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var result = await daemon.MasqAsync("setup", "--data-directory", "/home/booga/masqhome/base-mainnet");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"data-directory\s+/home/booga/masqhome/base-mainnet\s+Set", result.StandardOutput);

        var defaults = await daemon.MasqAsync("setup");
        Assert.DoesNotContain("MASQ/base-mainnet/MASQ", defaults.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_client_sees_a_setup_change_exactly_once()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        using var observer = StartInteractive(daemon);
        await observer.WaitForAsync("masq> ");
        var first = await daemon.MasqAsync("setup", "--log-level", "debug");
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = await daemon.MasqAsync("setup", "--log-level", "info");
        Assert.True(second.ExitCode == 0, second.ToString());
        await observer.WaitForAsync("Daemon setup has changed:");
        // The Daemon handles one message at a time and broadcasts a change before it reads the next, so the answer to
        // this client's own request comes after any broadcast the two changes caused: its table is the last printed.
        string tableHeader = "NAME".PadRight(29) + " VALUE";
        await observer.SendAsync("setup\n");
        await observer.WaitForAsync(tableHeader, occurrences: 2);
        await observer.SendAsync("exit\n");
        var output = await observer.FinishAsync();
        Assert.Equal(1, CountOccurrences(output.StandardOutput, "Daemon setup has changed:"));
    }

    [Fact]
    public async Task When_the_Daemon_dies_interactive_masq_says_so_and_exits()
    {
        var daemon = await DaemonProcess.StartAsync();
        try
        {
            using var masq = StartInteractive(daemon);
            await masq.WaitForAsync("masq> ");
            await masq.SendAsync($"setup --data-directory {daemon.Home.Combine("dies")}\n");
            await masq.WaitForAsync("data-directory");
            daemon.Kill();
            var result = await masq.FinishAsync();
            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal("\nThe Daemon is no longer running; masq is terminating.\n\n", result.StandardError);
        }
        finally
        {
            await daemon.DisposeAsync();
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static InteractiveMasq StartInteractive(DaemonProcess daemon) => new(daemon);

    /// <summary>An interactive masq whose stdin stays open while the test drives it.</summary>
    private sealed class InteractiveMasq : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly Task _stdoutPump;
        private readonly Task _stderrPump;

        public InteractiveMasq(DaemonProcess daemon)
        {
            var info = ProcessRunner.StartInfo(MasqBinaries.Cli, ["--ui-port", daemon.UiPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], daemon.Environment);
            info.RedirectStandardInput = true;
            _process = Process.Start(info)!;
            _stdoutPump = Pump(_process.StandardOutput, _stdout);
            _stderrPump = Pump(_process.StandardError, _stderr);
        }

        public async Task WaitForAsync(string text, int occurrences = 1)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                lock (_stdout)
                {
                    if (CountOccurrences(_stdout.ToString(), text) >= occurrences)
                    {
                        return;
                    }
                }
                await Task.Delay(50);
            }
            throw new TimeoutException($"masq never printed '{text}' {occurrences} time(s). stdout: {_stdout} stderr: {_stderr}");
        }

        public async Task SendAsync(string text)
        {
            await _process.StandardInput.WriteAsync(text);
            await _process.StandardInput.FlushAsync();
        }

        public async Task<ProcessResult> FinishAsync()
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(cts.Token);
            await Task.WhenAll(_stdoutPump, _stderrPump);
            return new ProcessResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
            _process.Dispose();
        }

        private static async Task Pump(StreamReader reader, StringBuilder target)
        {
            var buffer = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                lock (target)
                {
                    target.Append(buffer, 0, read);
                }
            }
        }
    }
}
