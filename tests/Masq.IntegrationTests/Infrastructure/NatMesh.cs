using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Masq.IntegrationTests.Neighborhood;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>
/// The multi-host test network of issue 13: an "internet" (203.0.113.0/24) in a namespace of its own, four Nodes on it
/// with public addresses, three Nodes each behind a <see cref="HomeRouter"/> (nftables NAT and miniupnpd) that map
/// their clandestine port themselves, and a web server on it. Each host's veth ends in the core namespace in a bridge
/// with a TAP of scripts/netmesh-switch.py, a learning switch that delays and drops frames as netem would (the test
/// machines' kernels have no sch_netem): each host has its own delay, two hosts see the sum as RTT. The Nodes find
/// each other only from descriptors: the first public Node starts alone, the other public Nodes debut to it, the Nodes
/// behind routers debut to a public Node each. The first Node behind a router originates (consuming wallet, forward
/// proxy, min-hops 3).
/// </summary>
internal sealed class NatMesh : IAsyncDisposable
{
    public const int ClandestinePort = 18620;
    public const int WebPort = 8080;
    public const string Python = "/usr/bin/python3";

    public static readonly IPAddress WebAddress = IPAddress.Parse("203.0.113.200");

    /// <summary>A failure guard for one Node's start (database creation on a loaded two-core machine).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly NetnsNetwork _network;
    private readonly List<(string Host, string Device, TimeSpan Delay)> _shaped = [];
    private readonly List<NamespacedNode> _nodes = [];
    private readonly List<HomeRouter> _routers = [];
    private ProductProcess? _web;
    private ProductProcess? _silent;
    private ProductProcess? _switch;
    private string _switchConfig = string.Empty;
    private int _configVersion;

    private NatMesh(NetnsNetwork network)
    {
        _network = network;
    }

    public NetnsNetwork Network => _network;

    /// <summary>The public Nodes, then the Nodes behind routers (the originator is <see cref="Originator"/>).</summary>
    public IReadOnlyList<NamespacedNode> Nodes => _nodes;

    public IReadOnlyList<HomeRouter> Routers => _routers;

    public NamespacedNode Originator => _nodes.First(n => n.ProxyPort != 0);

    public string Core { get; private set; } = string.Empty;

    public string WebHost { get; private set; } = string.Empty;

    /// <summary>
    /// Builds the network (no Node yet): the bridge, <paramref name="publicCount"/> public hosts at 203.0.113.10+i,
    /// <paramref name="routedCount"/> routers at 203.0.113.20+i with a LAN host each, the web server at
    /// <see cref="WebAddress"/> serving <paramref name="files"/> (name → bytes). <paramref name="delays"/> gives each
    /// host's one-way delay in turn (public hosts, routers, web server), <paramref name="lossPercent"/> their loss.
    /// </summary>
    public static async Task<NatMesh> BuildAsync(int publicCount, int routedCount, IReadOnlyList<TimeSpan> delays, double lossPercent, IReadOnlyDictionary<string, byte[]> files)
    {
        NetnsNetwork.RequireTools(HomeRouter.Miniupnpd, HomeRouter.Nft, Python);
        Assert.True(File.Exists(SwitchScript), $"{SwitchScript} is missing");
        var network = NetnsNetwork.Create();
        var mesh = new NatMesh(network);
        try
        {
            mesh.Core = await network.AddHostAsync("core");
            int port = 0;
            TimeSpan NextDelay() => delays[port % delays.Count];

            // Each host's veth ends in a bridge of its own in the core, beside the switch's TAP for that host.
            async Task<string> JoinAsync(string host, IPAddress address)
            {
                await network.AddBridgeAsync(mesh.Core, $"s{port}");
                var device = await network.JoinBridgeAsync(mesh.Core, $"s{port}", host, $"{address}/24");
                mesh._shaped.Add((host, $"t{port}", NextDelay()));
                port++;
                return device;
            }

            for (int i = 0; i < publicCount; i++)
            {
                var host = await network.AddHostAsync($"p{i}");
                await JoinAsync(host, PublicAddress(i));
            }

            for (int i = 0; i < routedCount; i++)
            {
                await network.AddBridgeAsync(mesh.Core, $"s{port}");
                var router = await HomeRouter.CreateOnBridgeAsync(network, $"r{i}", mesh.Core, $"s{port}", RouterAddress(i));
                mesh._routers.Add(router);
                mesh._shaped.Add((router.Host, $"t{port}", NextDelay()));
                port++;
            }

            mesh.WebHost = await network.AddHostAsync("web");
            await JoinAsync(mesh.WebHost, WebAddress);
            await mesh.StartSwitchAsync(lossPercent);
            await mesh.StartWebAsync(files);
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    /// <summary>The switch between the hosts (see its docstring): a learning switch that delays and drops like netem.</summary>
    public static string SwitchScript => Path.Combine(Architecture.DependencyRuleTests.RepositoryRoot(), "scripts", "netmesh-switch.py");

    public static IPAddress PublicAddress(int i) => IPAddress.Parse($"203.0.113.{10 + i}");

    public static IPAddress RouterAddress(int i) => IPAddress.Parse($"203.0.113.{20 + i}");

    /// <summary>
    /// Shapes every host's link: its own delay (or <paramref name="delay"/> for all when given, so that any two hosts
    /// see 2·delay of RTT) and <paramref name="lossPercent"/> loss; returns once the switch applies it.
    /// </summary>
    public async Task ShapeAllAsync(TimeSpan? delay, double lossPercent)
    {
        var version = ++_configVersion;
        var ports = _shaped.ToDictionary(s => s.Device, s => (delay ?? s.Delay).TotalMilliseconds);
        var temporary = _switchConfig + ".new";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new { version, loss = lossPercent, ports }));
        File.Move(temporary, _switchConfig, overwrite: true);
        if (_switch is { } running)
        {
            await running.WaitUntilAsync(() => Task.FromResult(running.Output.Contains($"applied {version.ToString(CultureInfo.InvariantCulture)}\n", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the switch");
        }
    }

    private async Task StartSwitchAsync(double lossPercent)
    {
        _switchConfig = _network.Directory.Combine("switch.json");
        await ShapeAllAsync(null, lossPercent);
        var running = _network.Start(Core, Python, ["-u", SwitchScript, _switchConfig]);
        _switch = running;
        await running.WaitUntilAsync(() => Task.FromResult(running.Output.Contains("ready", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the switch");
        for (int i = 0; i < _shaped.Count; i++)
        {
            await _network.ExecAsync(Core, "ip", "link", "set", $"t{i}", "master", $"s{i}");
            await _network.ExecAsync(Core, "ip", "link", "set", $"t{i}", "up");
        }
    }

    /// <summary>The RTTs between the hosts as shaped at build time (sum of each pair's delays).</summary>
    public (TimeSpan Min, TimeSpan Max) RttRange()
    {
        var sums = from a in _shaped from b in _shaped where a != b select a.Delay + b.Delay;
        return (sums.Min(), sums.Max());
    }

    /// <summary>
    /// Starts the Nodes as the class summary says and waits until each serves its UI. Returns when the last one
    /// does; the mesh then settles by gossip.
    /// </summary>
    public async Task StartNodesAsync(IReadOnlyDictionary<string, string>? routedEnvironment = null)
    {
        int publicCount = _shaped.Count - _routers.Count - 1;
        var first = StartPublic(0, []);
        await first.WaitUntilServingAsync(StartTimeout);
        var others = Enumerable.Range(1, publicCount - 1).Select(i => StartPublic(i, [first.Descriptor!])).ToList();
        await Task.WhenAll(others.Select(n => n.WaitUntilServingAsync(StartTimeout)));
        var publics = _nodes.ToList();
        var routed = new List<NamespacedNode>();
        for (int i = 0; i < _routers.Count; i++)
        {
            // Each debuts to another public Node (the last first: the first public Node already has the most).
            var introducer = publics[publics.Count - 1 - (i % publics.Count)];
            var environment = new Dictionary<string, string>(routedEnvironment ?? new Dictionary<string, string>());
            int proxyPort = 0;
            if (i == 0)
            {
                environment["MASQ_CONSUMING_PRIVATE_KEY"] = MeshMember.NewConsumingPrivateKey();
                environment["MASQ_DB_PASSWORD"] = "natmesh-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
                proxyPort = Ports.Free();
            }

            var node = NamespacedNode.Start(_network, _routers[i].LanHost, $"n{i}", ClandestinePort, ["--neighbors", introducer.Descriptor!, "--min-hops", "3"], environment, proxyPort);
            _nodes.Add(node);
            routed.Add(node);
        }

        await Task.WhenAll(routed.Select(n => n.WaitUntilServingAsync(StartTimeout)));
    }

    /// <summary>Polls the originator's connection status until a route is found (failure guard <paramref name="timeout"/>).</summary>
    public Task WaitForRouteAsync(TimeSpan timeout) =>
        Originator.WaitForMasqAsync(["connection-status"], o => o.Contains("RouteFound", StringComparison.Ordinal), timeout, $"a route from the originator\n{Report()}");

    /// <summary>
    /// curl, in the originator's namespace, through its forward proxy, of <paramref name="file"/> on the web server.
    /// Returns curl's exit code, the body's SHA-256 and length, time to first byte and total time (curl's own figures).
    /// </summary>
    public async Task<Download> DownloadAsync(string file)
    {
        var output = _network.Directory.Combine($"download-{Guid.NewGuid():N}");
        var result = await _network.TryExecAsync(
            Originator.Host,
            "curl",
            "-sS", "--max-time", "120", "-x", $"http://127.0.0.1:{Originator.ProxyPort.ToString(CultureInfo.InvariantCulture)}",
            "-o", output, "-w", "%{time_starttransfer} %{time_total}",
            $"http://{WebAddress}:{WebPort.ToString(CultureInfo.InvariantCulture)}/{file}");
        try
        {
            var times = result.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double Time(int i) => times.Length > i ? double.Parse(times[i], CultureInfo.InvariantCulture) : double.NaN;
            if (!File.Exists(output))
            {
                return new Download(result.ExitCode, string.Empty, 0, Time(0), Time(1), result.StandardError);
            }

            var bytes = await File.ReadAllBytesAsync(output);
            return new Download(result.ExitCode, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, Time(0), Time(1), result.StandardError);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// curl, in the originator's namespace, through its forward proxy, of <paramref name="url"/>: the HTTP status
    /// (0 when none arrived), the body as text, and curl's exit code. Bounded by <paramref name="maxSeconds"/>.
    /// </summary>
    public async Task<(int ExitCode, int Status, string Body)> FetchAsync(string url, int maxSeconds)
    {
        var output = _network.Directory.Combine($"fetch-{Guid.NewGuid():N}");
        var result = await ProcessRunner.RunAsync(
            "ip",
            ["netns", "exec", Originator.Host, "curl", "-sS", "--max-time", maxSeconds.ToString(CultureInfo.InvariantCulture),
                "-x", $"http://127.0.0.1:{Originator.ProxyPort.ToString(CultureInfo.InvariantCulture)}", "-o", output, "-w", "%{http_code}", url],
            timeout: TimeSpan.FromSeconds(maxSeconds + 30));
        try
        {
            var body = File.Exists(output) ? await File.ReadAllTextAsync(output) : string.Empty;
            _ = int.TryParse(result.StandardOutput.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var status);
            return (result.ExitCode, status, body + result.StandardError);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>What the web server logged (one line per request, starting with the client's address: the exit's public IP).</summary>
    public string WebLog => _web?.Output ?? string.Empty;

    /// <summary>
    /// A server beside the web server, at <see cref="WebAddress"/>:<paramref name="port"/>, that reads each request,
    /// prints "request from IP" and never answers; it holds the connection until the client closes it (at most 300 s).
    /// A stream to it stays open with nothing sent to the browser: what happens to it when its route breaks is the
    /// Node's doing alone.
    /// </summary>
    public async Task StartSilentServerAsync(int port)
    {
        const string Script = """
            import socket, sys, threading
            server = socket.socket()
            server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            server.bind((sys.argv[1], int(sys.argv[2])))
            server.listen(16)
            print("listening", flush=True)
            def hold(connection, address):
                connection.settimeout(300)
                data = b""
                try:
                    while b"\r\n\r\n" not in data:
                        chunk = connection.recv(4096)
                        if not chunk:
                            break
                        data += chunk
                    print("request from " + address[0], flush=True)
                    connection.recv(1)
                except OSError:
                    pass
                connection.close()
            while True:
                connection, address = server.accept()
                threading.Thread(target=hold, args=(connection, address), daemon=True).start()
            """;
        var script = _network.Directory.Combine("silent.py");
        await File.WriteAllTextAsync(script, Script);
        var silent = _network.Start(WebHost, Python, ["-u", script, WebAddress.ToString(), port.ToString(CultureInfo.InvariantCulture)]);
        _silent = silent;
        await silent.WaitUntilAsync(() => Task.FromResult(silent.Output.Contains("listening", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the silent server");
    }

    /// <summary>What the silent server printed ("request from IP" per request).</summary>
    public string SilentLog => _silent?.Output ?? string.Empty;

    /// <summary>The address the rest of the network sees <paramref name="node"/> at: its own, or its router's WAN address.</summary>
    public IPAddress PublicAddressOf(NamespacedNode node)
    {
        int i = _nodes.IndexOf(node);
        int publicCount = _shaped.Count - _routers.Count - 1;
        return i < publicCount ? PublicAddress(i) : _routers[i - publicCount].WanAddress;
    }

    /// <summary>Bytes received and sent so far on every interface of <paramref name="node"/>'s namespace but loopback.</summary>
    public async Task<long> TrafficAsync(NamespacedNode node)
    {
        var result = await _network.ExecAsync(node.Host, "cat", "/proc/net/dev");
        long total = 0;
        foreach (var line in result.StandardOutput.Split('\n').Where(l => l.Contains(':', StringComparison.Ordinal)))
        {
            var parts = line.Split(':', 2);
            if (parts[0].Trim() == "lo")
            {
                continue;
            }

            var fields = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            total += long.Parse(fields[0], CultureInfo.InvariantCulture) + long.Parse(fields[8], CultureInfo.InvariantCulture);
        }

        return total;
    }

    /// <summary>Cuts <paramref name="node"/> off: every interface of its namespace but loopback goes down. Returns their names.</summary>
    public async Task<IReadOnlyList<string>> CutAsync(NamespacedNode node)
    {
        var result = await _network.ExecAsync(node.Host, "ip", "-o", "link", "show");
        var names = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':')[1].Trim().Split('@')[0])
            .Where(name => name != "lo")
            .ToList();
        foreach (var name in names)
        {
            await _network.ExecAsync(node.Host, "ip", "link", "set", "dev", name, "down");
        }

        return names;
    }

    /// <summary>The last lines of every Node's output and the routers' NAT rules, for failure messages.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        foreach (var node in _nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"--- {node.Name} in {node.Host}{(node.Process.HasExited ? " [exited]" : string.Empty)} ---\n");
            text.AppendJoin('\n', node.Output.Split('\n').Where(l => !l.Contains("UI client", StringComparison.Ordinal)).TakeLast(60)).Append('\n');
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        // The Nodes first, politely, so that they delete their mappings; then everything else with the namespaces.
        await Task.WhenAll(_nodes.Select(n => NetnsNetwork.TerminateAsync(n.Process, TimeSpan.FromSeconds(20))));
        _web?.Dispose();
        _silent?.Dispose();
        _switch?.Dispose();
        await _network.DisposeAsync();
    }

    private NamespacedNode StartPublic(int i, IReadOnlyList<string> neighbors)
    {
        string[] extra = neighbors.Count == 0
            ? ["--ip", PublicAddress(i).ToString()]
            : ["--ip", PublicAddress(i).ToString(), "--neighbors", string.Join(',', neighbors)];
        var node = NamespacedNode.Start(_network, _shaped[i].Host, $"p{i}", ClandestinePort, extra);
        _nodes.Add(node);
        return node;
    }

    private async Task StartWebAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        var root = _network.Directory.Combine("www");
        Directory.CreateDirectory(root);
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(root, name), bytes);
        }

        _web = _network.Start(WebHost, Python, ["-u", "-m", "http.server", "--bind", WebAddress.ToString(), "--directory", root, WebPort.ToString(CultureInfo.InvariantCulture)]);
        await _web.WaitUntilAsync(() => Task.FromResult(_web.Output.Contains("Serving HTTP", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the web server");
    }

    internal sealed record Download(int ExitCode, string Sha256, long Length, double TimeToFirstByte, double Total, string Error);
}
