using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.MoneyMesh;

/// <summary>
/// One real MASQNode of a <see cref="MoneyMeshTests"/> mesh, on the <c>dev</c> chain against ganache: its own loopback
/// address, clandestine, UI and proxy ports, data directory, earning wallet and consuming key (a ganache account's for
/// the originator). <see cref="MeshMember"/> cannot be used: its launch line fixes the chain, a dead blockchain service
/// URL and <c>--scans off</c>, leaves every Node on the shared default earning wallet (so nobody is ever charged), and
/// the Node refuses a parameter given twice.
/// </summary>
internal sealed partial class MoneyMeshNode : IAsyncDisposable
{
    /// <summary>The Node's log file in its data directory.</summary>
    public const string LogFileName = "MASQNode_rCURRENT.log";

    private static readonly TimeSpan UiTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly SemaphoreSlim _uiLock = new(1, 1);
    private ProductProcess? _process;
    private UiClient? _ui;

    public MoneyMeshNode(string name, IPAddress ip, string directory, string earningWallet, string consumingPrivateKey)
    {
        Name = name;
        Ip = ip;
        _directory = directory;
        EarningWallet = earningWallet;
        ConsumingPrivateKey = consumingPrivateKey;
        ClandestinePort = Neighborhood.MeshPorts.On(ip);
        UiPort = Neighborhood.MeshPorts.On(IPAddress.Loopback);
        ProxyPort = Neighborhood.MeshPorts.On(IPAddress.Loopback);
        DbPassword = "money-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    public string Name { get; }

    public IPAddress Ip { get; }

    public int ClandestinePort { get; }

    public int UiPort { get; }

    public int ProxyPort { get; }

    public string DataDirectory => _directory;

    public string EarningWallet { get; }

    public string ConsumingPrivateKey { get; }

    public string DbPassword { get; }

    public string Descriptor { get; private set; } = string.Empty;

    public Uri ProxyUri => new($"http://127.0.0.1:{ProxyPort.ToString(CultureInfo.InvariantCulture)}");

    public bool IsRunning => _process is { HasExited: false };

    public string Output => _process?.Output ?? string.Empty;

    public string LogFile => Path.Combine(_directory, LogFileName);

    public override string ToString() => $"{Name} ({Ip}:{ClandestinePort}, ui {UiPort}, proxy {ProxyPort}, earning {EarningWallet})";

    /// <summary>Starts the Node and waits until it printed its descriptor and serves its UI.</summary>
    public async Task StartAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        Directory.CreateDirectory(_directory);
        var args = new List<string>
        {
            "--neighborhood-mode", "standard",
            "--ip", Ip.ToString(),
            "--clandestine-port", ClandestinePort.ToString(CultureInfo.InvariantCulture),
            "--ui-port", UiPort.ToString(CultureInfo.InvariantCulture),
            "--proxy-port", ProxyPort.ToString(CultureInfo.InvariantCulture),
            "--data-directory", _directory,
            "--earning-wallet", EarningWallet,
        };
        args.AddRange(arguments);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MASQ_DB_PASSWORD"] = DbPassword,
            ["MASQ_CONSUMING_PRIVATE_KEY"] = ConsumingPrivateKey,
            // Lets the exit Node reach the loopback destination.
            ["MASQ_INTEGRATION_TEST"] = "true",
        };
        var process = new ProductProcess(ProcessRunner.StartInfo(MasqBinaries.Node, args, environment));
        _process = process;
        await process.WaitUntilAsync(
            async () => DescriptorIn(process.Output) is not null && await UiClient.ProbeAsync(UiPort, TimeSpan.FromMilliseconds(500)),
            timeout,
            Name);
        Descriptor = DescriptorIn(process.Output)!;
    }

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

    /// <summary>The last lines of the log file (or of the console when there is none), for failure messages.</summary>
    public string Tail(int lines = 30)
    {
        var text = ReadLogFile();
        if (text.Length == 0)
        {
            text = Output;
        }

        var kept = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("] UI client ", StringComparison.Ordinal)).TakeLast(lines);
        return $"--- {this}{(IsRunning ? string.Empty : " [not running]")} ---\n" + string.Join('\n', kept);
    }

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

    public async Task<UiConnectionStage> ConnectionStatusAsync()
    {
        var ui = await UiAsync();
        return (await ui.TransactAsync<UiConnectionStatusRequest, UiConnectionStatusResponse>(new UiConnectionStatusRequest(), UiTimeout)).Stage;
    }

    /// <summary>Runs a scan through the UI (as <c>masq scan</c> does); the Node answers when the scan has finished.</summary>
    public async Task ScanAsync(UiScanType type, TimeSpan timeout)
    {
        var ui = await UiAsync();
        await ui.TransactAsync<UiScanRequest, UiScanResponse>(new UiScanRequest(type), timeout);
    }

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
        Directory.EnumerateFiles(_directory, "node-data.db", SearchOption.AllDirectories).FirstOrDefault()
        ?? throw new FileNotFoundException($"{Name} has no node-data.db under {_directory}");

    public async ValueTask DisposeAsync()
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

        _process?.Dispose();
        _uiLock.Dispose();
    }

    public static string Report(IEnumerable<MoneyMeshNode> nodes, int lines = 30)
    {
        var text = new StringBuilder();
        foreach (var node in nodes)
        {
            text.Append(node.Tail(lines)).Append('\n');
        }

        return text.ToString();
    }

    private static string? DescriptorIn(string output) =>
        DescriptorLinePattern().Match(output) is { Success: true } match ? match.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"MASQ Node local descriptor: (masq://\S+)")]
    private static partial System.Text.RegularExpressions.Regex DescriptorLinePattern();
}
