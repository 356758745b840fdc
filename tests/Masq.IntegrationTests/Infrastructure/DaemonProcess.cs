using Masq.Lib.Ui.Client;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>A real Daemon (<c>MASQNode --initialization</c>) on a free port, with its own HOME; killed with the Nodes it started.</summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private readonly ProductProcess _process;

    private DaemonProcess(ProductProcess process, int uiPort, TestDirectory home, int proxyPort)
    {
        _process = process;
        UiPort = uiPort;
        Home = home;
        ProxyPort = proxyPort;
    }

    public int UiPort { get; }

    /// <summary>The forward-proxy port the Daemon's Nodes use.</summary>
    public int ProxyPort { get; }

    public TestDirectory Home { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

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
        var proxyPort = Ports.Free();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.Path,
            ["XDG_DATA_HOME"] = Path.Combine(home.Path, ".local", "share"),
            // Each test's Node gets its own forward-proxy port (through the Daemon's environment, a Configured value).
            ["MASQ_PROXY_PORT"] = proxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var process = new ProductProcess(ProcessRunner.StartInfo(MasqBinaries.Node, ["--initialization", "--ui-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment));
        try
        {
            await process.WaitUntilAsync(() => UiClient.ProbeAsync(port, TimeSpan.FromMilliseconds(500)), TimeSpan.FromSeconds(30), "The Daemon");
        }
        catch
        {
            process.Dispose();
            home.Dispose();
            throw;
        }
        return new DaemonProcess(process, port, home, proxyPort);
    }

    public Task<UiClient> ConnectAsync() => UiClient.ConnectAsync(UiPort, TimeSpan.FromSeconds(5));

    /// <summary>Runs the real masq binary against this Daemon.</summary>
    public Task<ProcessResult> MasqAsync(params string[] args) =>
        ProcessRunner.RunAsync(MasqBinaries.Cli, ["--ui-port", UiPort.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args], Environment);

    public Task<ProcessResult> MasqInteractiveAsync(string input) =>
        ProcessRunner.RunAsync(MasqBinaries.Cli, ["--ui-port", UiPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], Environment, input);

    /// <summary>Kills the Daemon and the Nodes it started (its children).</summary>
    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        Home.Dispose();
        return ValueTask.CompletedTask;
    }
}
