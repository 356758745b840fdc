using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// One real MASQNode process of a <see cref="RealMesh"/>: its own address (127.0.1.x unless given), clandestine, UI and proxy ports
/// and data directory, all kept across restarts (so is its secrets' pair: database password and consuming key).
/// </summary>
internal sealed partial class MeshMember : IAsyncDisposable
{
    public const string DescriptorPrefix = "MASQ Node local descriptor: ";

    /// <summary>The Node's log file in its data directory (Serilog, at the chosen log level).</summary>
    public const string LogFileName = "MASQNode_rCURRENT.log";

    /// <summary>A failure guard for one UI call (a Node on a loaded two-core machine can be slow to answer).</summary>
    private static readonly TimeSpan UiTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _earlierRuns = new();
    private readonly string _binary;
    private readonly string _chain;
    private readonly IPAddress _dnsServer;
    private readonly SemaphoreSlim _uiLock = new(1, 1);
    private ProductProcess? _process;
    private UiClient? _ui;
    private int _runs;

    internal MeshMember(int index, string name, IPAddress ip, string dataDirectory, string binary, string chain, IPAddress dnsServer)
    {
        Index = index;
        Name = name;
        Ip = ip;
        DataDirectory = dataDirectory;
        _binary = binary;
        _chain = chain;
        _dnsServer = dnsServer;
        ClandestinePort = MeshPorts.On(ip);
        UiPort = MeshPorts.On(IPAddress.Loopback);
        ProxyPort = MeshPorts.On(IPAddress.Loopback);
        DbPassword = "mesh-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        ConsumingPrivateKey = NewConsumingPrivateKey();
    }

    public int Index { get; }

    public string Name { get; }

    public IPAddress Ip { get; }

    public int ClandestinePort { get; }

    public int UiPort { get; }

    public int ProxyPort { get; }

    public string DataDirectory { get; }

    public string DbPassword { get; }

    public string ConsumingPrivateKey { get; }

    public MeshNodeOptions Options { get; private set; } = MeshNodeOptions.Standard;

    /// <summary>The descriptor the Node printed at its last start (<c>masq://chain:key@ip:port</c>).</summary>
    public string Descriptor { get; private set; } = string.Empty;

    /// <summary>The 43-character key of <see cref="Descriptor"/> (URL-safe base64 of the first 32 key bytes).</summary>
    public string Key => DescriptorKeyPattern().Match(Descriptor) is { Success: true } match ? match.Groups[1].Value : string.Empty;

    public IPEndPoint ClandestineEndpoint => new(Ip, ClandestinePort);

    public Uri ProxyUri => new($"http://127.0.0.1:{ProxyPort.ToString(CultureInfo.InvariantCulture)}");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The current run's process id (for tests that kill it or read /proc); null before the first start.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>Waits (a failure guard only) for the current run to exit; its exit code, or null if it still runs.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return _process is { HasExited: true } process ? process.ExitCode : null;
    }

    /// <summary>Everything the Node wrote to stdout and stderr, over all its runs (info and above).</summary>
    public string Output => _earlierRuns + (_process?.Output ?? string.Empty);

    /// <summary>What the current run wrote so far.</summary>
    public string CurrentOutput => _process?.Output ?? string.Empty;

    public string LogFile => Path.Combine(DataDirectory, LogFileName);

    public override string ToString() => $"{Name} ({Ip}:{ClandestinePort}, ui {UiPort}, proxy {ProxyPort})";

    /// <summary>The log file's text (it is written while we read it).</summary>
    public string ReadLogFile()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>The last <paramref name="lines"/> lines of <see cref="Output"/>, for failure messages.</summary>
    /// <remarks>A Node logging at debug or trace shows its log file (the console has info and above only).</remarks>
    public string Tail(int lines = 40)
    {
        bool verbose = Options.LogLevel is "debug" or "trace";
        var all = (verbose ? ReadLogFile() : Output)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.Contains("] UI client ", StringComparison.Ordinal));
        if (verbose)
        {
            lines *= 2;
        }

        return $"--- {this}{(IsRunning ? string.Empty : " [not running]")} ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    internal async Task StartAsync(MeshNodeOptions options, TimeSpan timeout)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{this} is already running");
        }

        Options = options;
        Directory.CreateDirectory(DataDirectory);
        if (_process is not null)
        {
            _earlierRuns.Append(_process.Output).Append(CultureInfo.InvariantCulture, $"=== {Name} restarted (run {_runs + 1}) ===\n");
            _process.Dispose();
            _process = null;
        }

        _runs++;
        var process = new ProductProcess(ProcessRunner.StartInfo(_binary, Arguments(options), Environment(options)));
        _process = process;
        await process.WaitUntilAsync(
            async () => DescriptorIn(process.Output) is not null && await UiClient.ProbeAsync(UiPort, TimeSpan.FromMilliseconds(500)),
            timeout,
            Name);
        Descriptor = DescriptorIn(process.Output)!;
    }

    /// <summary>Asks the Node to shut down through the UI and waits for it to exit (killed after 20 s).</summary>
    public async Task StopAsync()
    {
        if (!IsRunning)
        {
            return;
        }

        try
        {
            var ui = await UiAsync();
            await ui.SendAsync(new UiShutdownRequest());
        }
        catch (Exception e) when (e is UiConnectException or UiConnectionLostException or InvalidOperationException or IOException)
        {
        }

        // The connection stays open until the Node is gone (it drops its clients itself): closed at once, it could take
        // a shutdown request the hub has not dispatched yet with it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (IsRunning && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await DropUiAsync();
        _process?.Kill();
    }

    /// <summary>Stops the Node (UI shutdown) and starts it again with <paramref name="options"/> on the same address, ports and data.</summary>
    public async Task RestartAsync(MeshNodeOptions options, TimeSpan? timeout = null)
    {
        await StopAsync();
        await StartAsync(options, timeout ?? RealMesh.StartTimeout);
    }

    public async Task KillAsync()
    {
        await DropUiAsync();
        _process?.Kill();
    }

    /// <summary>The member's own UI connection (one per run, reconnected when it dropped).</summary>
    public async Task<UiClient> UiAsync()
    {
        await _uiLock.WaitAsync();
        try
        {
            if (_ui is { IsDaemonConnected: true } ui)
            {
                return ui;
            }

            if (_ui is not null)
            {
                await _ui.DisposeAsync();
            }

            _ui = await UiClient.ConnectAsync(UiPort, TimeSpan.FromSeconds(5));
            return _ui;
        }
        finally
        {
            _uiLock.Release();
        }
    }

    /// <summary>A new UI connection of the caller's own (to watch broadcasts).</summary>
    public Task<UiClient> ConnectUiAsync() => UiClient.ConnectAsync(UiPort, TimeSpan.FromSeconds(5));

    public async Task<UiConnectionStage> ConnectionStatusAsync()
    {
        var ui = await UiAsync();
        var response = await ui.TransactAsync<UiConnectionStatusRequest, UiConnectionStatusResponse>(new UiConnectionStatusRequest(), UiTimeout);
        return response.Stage;
    }

    /// <summary>Polls connectionStatus until the stage is at least <paramref name="stage"/>; fails with the Node's output after <paramref name="timeout"/>.</summary>
    public async Task WaitForStageAsync(UiConnectionStage stage, TimeSpan timeout, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = UiConnectionStage.NotConnected;
        while (true)
        {
            if (!IsRunning)
            {
                Assert.Fail($"{Name} exited while waiting for {stage} (last stage {last}):\n{Tail(80)}\n{context?.Invoke()}");
            }

            try
            {
                last = await ConnectionStatusAsync();
                if (last >= stage)
                {
                    return;
                }
            }
            catch (Exception e) when (e is UiCallException or UiConnectException or UiConnectionLostException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{Name} did not reach {stage} within {timeout.TotalSeconds:0} s (still {last}):\n{Tail(80)}\n{context?.Invoke()}");
            }

            await Task.Delay(250);
        }
    }

    public async Task<MeshGraph> GraphAsync()
    {
        var ui = await UiAsync();
        var response = await ui.TransactAsync<UiNeighborhoodGraphRequest, UiNeighborhoodGraphResponse>(new UiNeighborhoodGraphRequest(), UiTimeout);
        return MeshGraph.Parse(response.Graph);
    }

    public async Task SetMinHopsAsync(int hops)
    {
        var ui = await UiAsync();
        await ui.TransactAsync<UiSetConfigurationRequest, UiSetConfigurationResponse>(
            new UiSetConfigurationRequest("min-hops", hops.ToString(CultureInfo.InvariantCulture)), UiTimeout);
    }

    /// <summary>Runs a scan through the UI (as <c>masq scan</c> does); the Node answers when the scan has finished.</summary>
    public async Task ScanAsync(UiScanType type, TimeSpan timeout)
    {
        var ui = await UiAsync();
        await ui.TransactAsync<UiScanRequest, UiScanResponse>(new UiScanRequest(type), timeout);
    }

    /// <summary>financials with the statistics and the top 100 rows of each side by balance.</summary>
    public async Task<UiFinancialsResponse> FinancialsAsync()
    {
        var ui = await UiAsync();
        return await ui.TransactAsync<UiFinancialsRequest, UiFinancialsResponse>(
            new UiFinancialsRequest(true, new UiTopRecordsConfig(100, UiTopRecordsOrdering.Balance)), UiTimeout);
    }

    /// <summary>Runs the real <c>masq</c> against this Node's UI port.</summary>
    public Task<ProcessResult> MasqAsync(params string[] args) =>
        ProcessRunner.RunAsync(MasqBinaries.Cli, ["--ui-port", UiPort.ToString(CultureInfo.InvariantCulture), .. args], timeout: TimeSpan.FromSeconds(180));

    /// <summary>The Node's database file (the Node may keep it in a subdirectory per chain).</summary>
    public string DatabaseFile =>
        Directory.EnumerateFiles(DataDirectory, "node-data.db", SearchOption.AllDirectories).FirstOrDefault()
        ?? throw new FileNotFoundException($"{Name} has no node-data.db under {DataDirectory}");

    public async Task<UiExitLocationResponse> ExitLocationAsync(UiExitLocationRequest request)
    {
        var ui = await UiAsync();
        return await ui.TransactAsync<UiExitLocationRequest, UiExitLocationResponse>(request, UiTimeout);
    }

    public async Task<string?> DescriptorFromUiAsync()
    {
        var ui = await UiAsync();
        var response = await ui.TransactAsync<UiDescriptorRequest, UiDescriptorResponse>(new UiDescriptorRequest(), UiTimeout);
        return response.NodeDescriptorOpt;
    }

    public async ValueTask DisposeAsync()
    {
        await DropUiAsync();
        _process?.Dispose();
        _uiLock.Dispose();
    }

    /// <summary>32 random bytes, not zero and below the secp256k1 order (a first byte below 0xff is enough).</summary>
    internal static string NewConsumingPrivateKey()
    {
        while (true)
        {
            byte[] key = RandomNumberGenerator.GetBytes(32);
            if (key[0] != 0xff && key.Any(b => b != 0))
            {
                return Convert.ToHexStringLower(key);
            }
        }
    }

    internal static string? DescriptorIn(string output) =>
        DescriptorLinePattern().Match(output) is { Success: true } match ? match.Groups[1].Value : null;

    private List<string> Arguments(MeshNodeOptions options)
    {
        var args = new List<string>
        {
            "--neighborhood-mode", options.Mode,
            "--data-directory", DataDirectory,
            "--chain", _chain,
            "--ui-port", UiPort.ToString(CultureInfo.InvariantCulture),
            "--proxy-port", ProxyPort.ToString(CultureInfo.InvariantCulture),
            "--log-level", options.LogLevel,
            // By default nothing answers there: the Nodes need a URL outside zero-hop mode, and scans stay off.
            "--blockchain-service-url", options.BlockchainServiceUrl,
        };
        if (!options.Scans)
        {
            args.AddRange(["--scans", "off"]);
        }

        if (options.EarningWallet is { } earningWallet)
        {
            args.AddRange(["--earning-wallet", earningWallet]);
        }

        if (options.Mode == "standard")
        {
            args.AddRange(["--ip", Ip.ToString(), "--clandestine-port", ClandestinePort.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.Mode != "consume-only")
        {
            args.AddRange(["--dns-servers", (options.DnsServer ?? _dnsServer).ToString()]);
        }

        if (options.MinHops is { } hops)
        {
            args.AddRange(["--min-hops", hops.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.Neighbors.Count > 0)
        {
            args.AddRange(["--neighbors", string.Join(",", options.Neighbors)]);
        }

        args.AddRange(options.ExtraArguments);
        return args;
    }

    private Dictionary<string, string> Environment(MeshNodeOptions options)
    {
        // Secrets through the environment, as the Daemon passes them; loopback destinations allowed for tests.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["MASQ_INTEGRATION_TEST"] = "true" };
        if (options.DbPassword)
        {
            environment["MASQ_DB_PASSWORD"] = DbPassword;
        }

        if (options.ConsumingWallet)
        {
            environment["MASQ_CONSUMING_PRIVATE_KEY"] = options.ConsumingPrivateKey ?? ConsumingPrivateKey;
        }

        foreach (var (name, value) in options.Environment)
        {
            environment[name] = value;
        }

        return environment;
    }

    private async Task DropUiAsync()
    {
        var ui = Interlocked.Exchange(ref _ui, null);
        if (ui is not null)
        {
            try
            {
                await ui.DisposeAsync();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
            }
        }
    }

    [GeneratedRegex(@"MASQ Node local descriptor: (masq://\S+)")]
    private static partial Regex DescriptorLinePattern();

    [GeneratedRegex(@"^masq://[^:]+:([^@]+)@")]
    private static partial Regex DescriptorKeyPattern();
}
