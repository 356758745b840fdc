using System.Globalization;
using System.Text.RegularExpressions;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>
/// A real Node process inside one namespace of a <see cref="NetnsNetwork"/>. Its UI is on that namespace's loopback,
/// so the test talks to it with the real <c>masq</c> run in the same namespace.
/// </summary>
internal sealed partial class NamespacedNode
{
    public const string Chain = "base-sepolia";

    private readonly NetnsNetwork _network;

    private NamespacedNode(NetnsNetwork network, string host, ProductProcess process, int uiPort, int clandestinePort, string dataDirectory)
    {
        _network = network;
        Host = host;
        Process = process;
        UiPort = uiPort;
        ClandestinePort = clandestinePort;
        DataDirectory = dataDirectory;
    }

    public string Host { get; }

    public string Name { get; private init; } = string.Empty;

    /// <summary>The forward proxy's port on the Node's namespace's loopback (0: none).</summary>
    public int ProxyPort { get; private init; }

    public ProductProcess Process { get; }

    public int UiPort { get; }

    public int ClandestinePort { get; }

    public string DataDirectory { get; }

    public string Output => Process.Output;

    /// <summary>The descriptor the Node printed at start, once it has.</summary>
    public string? Descriptor => DescriptorLine().Match(Output) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>
    /// Starts a standard-mode Node (plus <paramref name="extra"/> arguments) without waiting for it: a Node that finds
    /// no address to advertise exits, and the caller decides what it expected.
    /// </summary>
    /// <param name="proxyPort">The Node's forward proxy port on its namespace's loopback; 0 (none) by default.</param>
    public static NamespacedNode Start(NetnsNetwork network, string host, string name, int clandestinePort, IEnumerable<string> extra, IReadOnlyDictionary<string, string>? environment = null, int proxyPort = 0)
    {
        var uiPort = Ports.Free();
        var dataDirectory = network.Directory.Combine(name);
        Directory.CreateDirectory(dataDirectory);
        string[] args =
        [
            "--neighborhood-mode", "standard",
            "--chain", Chain,
            "--data-directory", dataDirectory,
            "--ui-port", uiPort.ToString(CultureInfo.InvariantCulture),
            "--clandestine-port", clandestinePort.ToString(CultureInfo.InvariantCulture),
            "--proxy-port", proxyPort.ToString(CultureInfo.InvariantCulture),
            // MASQ_IT_LOG_LEVEL=debug when a failure needs the Nodes' whole story (with MASQ_IT_KEEP=1, see TestDirectory).
            "--log-level", Environment.GetEnvironmentVariable("MASQ_IT_LOG_LEVEL") ?? "info",
            // Nothing answers at either address; the Nodes never pay nor resolve names in these tests.
            "--blockchain-service-url", "http://198.51.100.250:8545",
            "--dns-servers", "198.51.100.253",
            "--scans", "off",
            .. extra,
        ];
        return new NamespacedNode(network, host, network.Start(host, MasqBinaries.Node, args, environment), uiPort, clandestinePort, dataDirectory) { Name = name, ProxyPort = proxyPort };
    }

    /// <summary>Waits for the UI (the Node is serving), failing with the Node's output if it exits first.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout) =>
        await Process.WaitUntilAsync(async () => Descriptor is not null && (await MasqAsync("connection-status")).ExitCode == 0, timeout, $"the Node in {Host}");

    /// <summary>Runs <c>masq</c> against this Node, from its namespace.</summary>
    public Task<ProcessResult> MasqAsync(params string[] command) =>
        _network.TryExecAsync(Host, MasqBinaries.Cli, ["--ui-port", UiPort.ToString(CultureInfo.InvariantCulture), .. command]);

    /// <summary>Polls <c>masq</c> until its output satisfies <paramref name="done"/>; bounded by <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForMasqAsync(string[] command, Func<string, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(Process.HasExited, $"The Node in {Host} exited while waiting for {what}:\n{Output}");
            var result = await MasqAsync(command);
            last = result.ToString();
            if (result.ExitCode == 0 && done(result.StandardOutput))
            {
                return result.StandardOutput;
            }
            await Task.Delay(500);
        }
        Assert.Fail($"{what} did not happen in {timeout.TotalSeconds:0} s; last `masq {string.Join(' ', command)}`: {last}\nNode output:\n{Output}");
        return last;
    }

    /// <summary>The Node's log file, for the lines the test looks for.</summary>
    public string Log()
    {
        var file = Directory.EnumerateFiles(DataDirectory, "*.log").FirstOrDefault();
        return file is null ? string.Empty : ReadShared(file);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"MASQ Node local descriptor: (masq://\S+)")]
    private static partial Regex DescriptorLine();
}
