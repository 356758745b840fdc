using System.Diagnostics;
using System.Text;
using Masq.Lib.Ui.Client;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>A real Daemon (<c>MASQNode --initialization</c>) on a free port, with its own HOME; killed with the Nodes it started.</summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DaemonProcess(Process process, int uiPort, TestDirectory home)
    {
        _process = process;
        UiPort = uiPort;
        Home = home;
    }

    public int UiPort { get; }

    /// <summary>The forward-proxy port the Daemon's Nodes use.</summary>
    public int ProxyPort { get; private init; }

    public TestDirectory Home { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Environment for the Daemon (and so for the Nodes it launches and the masq runs of the test).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["HOME"] = Home.Path,
        ["XDG_DATA_HOME"] = Home.Combine(".local", "share"),
    };

    public static async Task<DaemonProcess> StartAsync(IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var home = new TestDirectory();
        var port = Ports.Free();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.Path,
            ["XDG_DATA_HOME"] = Path.Combine(home.Path, ".local", "share"),
            // Each test's Node gets its own forward-proxy port (through the Daemon's environment, a Configured value).
            ["MASQ_PROXY_PORT"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var process = new Process
        {
            StartInfo = ProcessRunner.StartInfo(MasqBinaries.Node, ["--initialization", "--ui-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment),
        };
        var daemon = new DaemonProcess(process, port, home) { ProxyPort = int.Parse(environment["MASQ_PROXY_PORT"], System.Globalization.CultureInfo.InvariantCulture) };
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Daemon exited with {process.ExitCode}:\n{daemon.Output}");
            }
            if (await UiClient.ProbeAsync(port, TimeSpan.FromMilliseconds(500)))
            {
                return daemon;
            }
            await Task.Delay(100);
        }
        await daemon.DisposeAsync();
        throw new TimeoutException($"The Daemon did not open its UI port:\n{daemon.Output}");
    }

    public Task<UiClient> ConnectAsync() => UiClient.ConnectAsync(UiPort, TimeSpan.FromSeconds(5));

    /// <summary>Runs the real masq binary against this Daemon.</summary>
    public Task<ProcessResult> MasqAsync(params string[] args) =>
        ProcessRunner.RunAsync(MasqBinaries.Cli, ["--ui-port", UiPort.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args], Environment);

    public Task<ProcessResult> MasqInteractiveAsync(string input) =>
        ProcessRunner.RunAsync(MasqBinaries.Cli, ["--ui-port", UiPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], Environment, input);

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        // Nodes started by the Daemon are its children; a Node that outlived it (re-parented) is found by its data directory.
        await Task.CompletedTask;
        _process.Dispose();
        Home.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
