using System.Diagnostics;
using System.Security.Cryptography;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>
/// Network namespaces a test builds for itself: hosts joined by veth pairs, addressed only from the documentation and
/// benchmarking ranges, never touching the machine's own interfaces. Every name starts with a prefix unique to this
/// network, and everything (processes, then namespaces, which takes their veth ends with them) goes on dispose,
/// whatever failed before.
/// </summary>
internal sealed class NetnsNetwork : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly List<string> _namespaces = [];
    private readonly List<ProductProcess> _processes = [];
    private int _links;

    private NetnsNetwork(string prefix)
    {
        Prefix = prefix;
    }

    /// <summary>Short (veth names have 15 characters) and unique: "mq" and six random hex digits.</summary>
    public string Prefix { get; }

    public TestDirectory Directory { get; } = new();

    /// <summary>Network namespaces need root; the test container runs the tests as root.</summary>
    public static bool IsRoot =>
        File.ReadAllText("/proc/self/status").Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";

    /// <summary>Fails the test, naming the tool, when something the namespaces need is not installed.</summary>
    public static void RequireTools(params string[] tools)
    {
        foreach (var tool in (string[])["/usr/sbin/ip", .. tools])
        {
            Assert.True(File.Exists(tool), $"{tool} is missing: run scripts/install-test-deps.sh");
        }
    }

    public static NetnsNetwork Create() => new("mq" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));

    /// <summary>A new namespace with its loopback up; its name is returned.</summary>
    public async Task<string> AddHostAsync(string role)
    {
        var name = $"{Prefix}-{role}";
        await RunAsync("ip", "netns", "add", name);
        _namespaces.Add(name);
        await ExecAsync(name, "ip", "link", "set", "lo", "up");
        return name;
    }

    /// <summary>A veth pair between two namespaces, each end addressed (CIDR) and up. Returns the two interface names.</summary>
    public async Task<(string A, string B)> LinkAsync(string hostA, string cidrA, string hostB, string cidrB)
    {
        var n = Interlocked.Increment(ref _links);
        var (a, b) = ($"{Prefix}a{n}", $"{Prefix}b{n}");
        await RunAsync("ip", "link", "add", a, "netns", hostA, "type", "veth", "peer", "name", b, "netns", hostB);
        await ExecAsync(hostA, "ip", "addr", "add", cidrA, "dev", a);
        await ExecAsync(hostA, "ip", "link", "set", a, "up");
        await ExecAsync(hostB, "ip", "addr", "add", cidrB, "dev", b);
        await ExecAsync(hostB, "ip", "link", "set", b, "up");
        return (a, b);
    }

    /// <summary>A Linux bridge named <paramref name="bridge"/> (up, no address) inside <paramref name="host"/>: a switch the hosts join.</summary>
    public async Task AddBridgeAsync(string host, string bridge)
    {
        await ExecAsync(host, "ip", "link", "add", bridge, "type", "bridge");
        await ExecAsync(host, "ip", "link", "set", bridge, "up");
    }

    /// <summary>
    /// A veth pair from <paramref name="host"/> (its end addressed with <paramref name="cidr"/> and up) to a port of
    /// <paramref name="bridge"/> in <paramref name="bridgeHost"/>. Returns the host's interface name.
    /// </summary>
    public async Task<string> JoinBridgeAsync(string bridgeHost, string bridge, string host, string cidr)
    {
        var n = Interlocked.Increment(ref _links);
        var (a, b) = ($"{Prefix}a{n}", $"{Prefix}b{n}");
        await RunAsync("ip", "link", "add", a, "netns", host, "type", "veth", "peer", "name", b, "netns", bridgeHost);
        await ExecAsync(bridgeHost, "ip", "link", "set", b, "master", bridge);
        await ExecAsync(bridgeHost, "ip", "link", "set", b, "up");
        await ExecAsync(host, "ip", "addr", "add", cidr, "dev", a);
        await ExecAsync(host, "ip", "link", "set", a, "up");
        return a;
    }

    /// <summary>Runs a command inside <paramref name="host"/> to completion; a failure throws with its output.</summary>
    public async Task<ProcessResult> ExecAsync(string host, string file, params string[] args)
    {
        var result = await TryExecAsync(host, file, args);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"In {host}: {file} {string.Join(' ', args)} exited {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Commands run in this network's hosts; callers hold the network, not a host name alone.")]
    public Task<ProcessResult> TryExecAsync(string host, string file, params string[] args) =>
        ProcessRunner.RunAsync("ip", ["netns", "exec", host, file, .. args], timeout: CommandTimeout);

    /// <summary>A long-running process inside <paramref name="host"/>, killed on dispose if still running.</summary>
    public ProductProcess Start(string host, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = new ProductProcess(ProcessRunner.StartInfo("ip", ["netns", "exec", host, file, .. args], environment));
        lock (_processes)
        {
            _processes.Add(process);
        }
        return process;
    }

    /// <summary>Asks a process started here to stop as a user would (SIGTERM), and waits for it.</summary>
    public static async Task<bool> TerminateAsync(ProductProcess process, TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return true;
        }
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        return await process.WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_processes)
        {
            foreach (var process in _processes)
            {
                process.Dispose();
            }
            _processes.Clear();
        }
        foreach (var name in Enumerable.Reverse(_namespaces))
        {
            await ProcessRunner.RunAsync("ip", ["netns", "del", name], timeout: CommandTimeout);
        }
        _namespaces.Clear();
        Directory.Dispose();
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(file, args, timeout: CommandTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
        }
    }
}
