using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Benchmarks.DashboardTabs;

/// <summary>
/// <c>dashboard-tabs [--tabs N] [--relays N] [--idle-seconds S] [--seconds S] [--blob-mib M] [--configuration Release|Debug]
/// [--node path/MASQNode] [--dashboard path/Masq.Dashboard]</c>
/// The dashboard's memory and CPU with N open tabs (Overview and Accounting, alternately) while the
/// Daemon-launched Node downloads over a 3-hop route through a real mesh of standard Nodes; and the same tabs idle.
/// </summary>
/// <remarks>
/// Real processes: <c>--relays</c> MASQNode relays on 127.0.5.x (each its own earning wallet; the first alone, the
/// others debut to it), a Daemon whose Node (127.0.5.30, standard, min-hops 3, scans off) debuts to the last relay, the
/// dashboard pointed at the Daemon, and headless Chromium with N tabs on the dashboard. The destination (127.0.5.200)
/// serves deterministic blobs, resolved by a dnsmasq on 127.0.5.153. The dashboard process is sampled every 500 ms
/// (VmRSS from /proc/pid/status, utime+stime from /proc/pid/stat). Phases: no tabs idle; N tabs idle; N tabs while
/// blobs are downloaded back to back through the Node's proxy (each checked against its length and SHA-256).
/// </remarks>
internal static partial class DashboardTabsBenchmark
{
    private const string Chain = "base-sepolia";
    private const string Host = "files.tabs.masq.test";
    private static readonly IPAddress DestinationAddress = IPAddress.Parse("127.0.5.200");
    private static readonly IPAddress DnsAddress = IPAddress.Parse("127.0.5.153");
    private static readonly IPAddress NodeAddress = IPAddress.Parse("127.0.5.30");
    private static readonly TimeSpan UiTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        int tabs = Option(args, "--tabs", 10);
        int relayCount = Option(args, "--relays", 6);
        int idleSeconds = Option(args, "--idle-seconds", 30);
        int loadSeconds = Option(args, "--seconds", 30);
        int blobMib = Option(args, "--blob-mib", 16);
        string configuration = OptionText(args, "--configuration", "Release");
        string root = RepositoryRoot();
        // --node / --dashboard: apphosts elsewhere (e.g. a copy of the build output, safe from concurrent rebuilds).
        string node = OptionText(args, "--node", string.Empty) is { Length: > 0 } n ? n : Binary(root, "Masq.Node", "MASQNode", configuration);
        string dashboardBinary = OptionText(args, "--dashboard", string.Empty) is { Length: > 0 } d ? d : Binary(root, "Masq.Dashboard", "Masq.Dashboard", configuration);
        Console.WriteLine($"dashboard-tabs: {tabs} tabs, {relayCount} relays + the Daemon's Node; {node}, {dashboardBinary}");
        Console.WriteLine($"  load before start: {ProcSampler.LoadAverage()} ({Environment.ProcessorCount} cores)");

        string work = Path.Combine(Path.GetTempPath(), "masq-tabs-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(work);
        var processes = new List<ChildProcess>();
        Destination? destination = null;
        HeadlessChromium? chromium = null;
        try
        {
            destination = await Destination.StartAsync(DestinationAddress, FreePorts.On(DestinationAddress), FreePorts.On(DestinationAddress), [Host]);
            processes.Add(await StartDnsmasqAsync(work));

            // The relays.
            var clock = Stopwatch.StartNew();
            var descriptors = new List<string>();
            string first = await StartRelayAsync(node, work, 0, [], processes);
            descriptors.Add(first);
            for (int i = 1; i < relayCount; i += 2)
            {
                var pair = Enumerable.Range(i, Math.Min(2, relayCount - i)).Select(n => StartRelayAsync(node, work, n, [first], processes));
                descriptors.AddRange(await Task.WhenAll(pair));
            }

            Console.WriteLine($"  {relayCount} relays up in {clock.Elapsed.TotalSeconds:0} s");

            // The Daemon and its Node.
            int daemonPort = FreePorts.On(IPAddress.Loopback);
            int proxyPort = FreePorts.On(IPAddress.Loopback);
            string home = Path.Combine(work, "home");
            Directory.CreateDirectory(home);
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = home,
                ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"),
                ["MASQ_INTEGRATION_TEST"] = "true",
            };
            var daemon = new ChildProcess(node, ["--initialization", "--ui-port", daemonPort.ToString(CultureInfo.InvariantCulture)], environment);
            processes.Add(daemon);
            await daemon.WaitUntilAsync(() => UiClient.ProbeAsync(daemonPort, TimeSpan.FromMilliseconds(500)), TimeSpan.FromSeconds(60), "Daemon UI");
            await using var ui = await UiClient.ConnectAsync(daemonPort, TimeSpan.FromSeconds(10));
            var setup = await ui.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest(
            [
                new("neighborhood-mode", "standard"),
                new("chain", Chain),
                new("ip", NodeAddress.ToString()),
                new("clandestine-port", FreePorts.On(NodeAddress).ToString(CultureInfo.InvariantCulture)),
                new("neighbors", descriptors[^1]),
                new("db-password", "tabs-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))),
                new("consuming-private-key", NewConsumingPrivateKey()),
                new("blockchain-service-url", "http://127.0.0.1:8545"),
                new("scans", "off"),
                new("dns-servers", DnsAddress.ToString()),
                new("proxy-port", proxyPort.ToString(CultureInfo.InvariantCulture)),
                new("min-hops", "3"),
                new("log-level", "info"),
            ]), UiTimeout);
            if (setup.Errors.Count > 0)
            {
                throw new InvalidOperationException("setup refused: " + string.Join("; ", setup.Errors.Select(e => $"{e.Parameter}: {e.Reason}")));
            }

            var started = await ui.TransactAsync<UiStartRequest, UiStartResponse>(new UiStartRequest(), TimeSpan.FromSeconds(120));
            clock.Restart();
            await daemon.WaitUntilAsync(async () => await StageAsync(ui) == UiConnectionStage.RouteFound, TimeSpan.FromSeconds(300), "RouteFound");
            Console.WriteLine($"  the Daemon's Node (pid {started.NewProcessId}) reached RouteFound in {clock.Elapsed.TotalSeconds:0} s");

            var proxy = new Uri($"http://127.0.0.1:{proxyPort.ToString(CultureInfo.InvariantCulture)}");
            string BlobUrl(long length, int seed) => $"http://{Host}:{destination.HttpPort.ToString(CultureInfo.InvariantCulture)}/blob/{length}/{seed}";
            await DownloadAsync(proxy, BlobUrl(256 * 1024, 1), 256 * 1024, 1);

            // The dashboard.
            int dashboardPort = FreePorts.On(IPAddress.Loopback);
            var dashboardUrl = new Uri($"http://127.0.0.1:{dashboardPort.ToString(CultureInfo.InvariantCulture)}");
            var dashboard = new ChildProcess(dashboardBinary,
                ["--daemon-ui-port", daemonPort.ToString(CultureInfo.InvariantCulture), "--urls", dashboardUrl.ToString().TrimEnd('/')],
                environment, Path.GetDirectoryName(dashboardBinary));
            processes.Add(dashboard);
            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
            {
                await dashboard.WaitUntilAsync(async () =>
                {
                    try
                    {
                        using var response = await http.GetAsync(new Uri(dashboardUrl, "/health"));
                        return response.IsSuccessStatusCode;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return false;
                    }
                }, TimeSpan.FromSeconds(60), "dashboard /health");
            }

            var sampler = new ProcSampler(dashboard.Id);
            await Task.Delay(TimeSpan.FromSeconds(5));
            string load0 = ProcSampler.LoadAverage();
            var noTabs = await sampler.SampleForAsync(TimeSpan.FromSeconds(Math.Max(10, idleSeconds / 2)));
            Print("no tabs, idle", noTabs, load0, null);

            // The tabs.
            chromium = await HeadlessChromium.StartAsync(FreePorts.On(IPAddress.Loopback));
            var tabSockets = new List<Uri>();
            for (int i = 0; i < tabs; i++)
            {
                var page = new Uri(dashboardUrl, i % 2 == 0 ? "/" : "/accounting");
                tabSockets.Add(await chromium.OpenTabAsync(page));
            }

            // Every tab live: the Blazor circuit rendered the Node's state (Overview: RouteFound; Accounting: the totals).
            clock.Restart();
            for (int i = 0; i < tabs; i++)
            {
                string probe = i % 2 == 0
                    ? "document.querySelector('#connection-stage')?.textContent ?? ''"
                    : "document.querySelector('#totals')?.textContent ?? ''";
                string want = i % 2 == 0 ? "RouteFound" : "payable";
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
                while (!((await HeadlessChromium.EvaluateAsync(tabSockets[i], probe)) ?? string.Empty).Contains(want, StringComparison.OrdinalIgnoreCase))
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"tab {i} did not show {want}:\n{dashboard.Tail(30)}");
                    }

                    await Task.Delay(500);
                }
            }

            Console.WriteLine($"  {tabs} tabs live in {clock.Elapsed.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromSeconds(5));
            string load1 = ProcSampler.LoadAverage();
            var idle = await sampler.SampleForAsync(TimeSpan.FromSeconds(idleSeconds));
            Print($"{tabs} tabs, idle", idle, load1, null);

            // The tabs while the Node downloads over 3 hops.
            long blobLength = blobMib * 1024L * 1024L;
            long downloaded = 0;
            int downloads = 0;
            var loadClock = Stopwatch.StartNew();
            var stop = DateTime.UtcNow + TimeSpan.FromSeconds(loadSeconds);
            var traffic = Task.Run(async () =>
            {
                for (int seed = 100; DateTime.UtcNow < stop; seed++)
                {
                    downloaded += await DownloadAsync(proxy, BlobUrl(blobLength, seed), blobLength, seed);
                    downloads++;
                }
            });
            string load2 = ProcSampler.LoadAverage();
            var busy = await sampler.SampleAsync(traffic);
            await traffic;
            double seconds = loadClock.Elapsed.TotalSeconds;
            string load3 = ProcSampler.LoadAverage();
            Print($"{tabs} tabs, 3-hop download", busy, load2, load3);
            Console.WriteLine($"  download: {downloads} × {blobMib} MiB = {downloaded / 1048576.0:0.0} MiB in {seconds:0.0} s = {downloaded / 1048576.0 / seconds:0.00} MiB/s through the Node's proxy (3 hops)");

            // Every tab still live after the traffic: the Overview shows what was consumed.
            int live = 0;
            for (int i = 0; i < tabs; i++)
            {
                string text = await HeadlessChromium.EvaluateAsync(tabSockets[i], "document.querySelector('main')?.textContent ?? document.body.textContent") ?? string.Empty;
                if (text.Contains(i % 2 == 0 ? "Consumed" : "Payable", StringComparison.Ordinal))
                {
                    live++;
                }
            }

            Console.WriteLine($"  tabs showing the traffic afterwards: {live} of {tabs}");

            // The traffic really went over the mesh: the Node owes the Nodes of its routes for it.
            var financials = await ui.TransactAsync<UiFinancialsRequest, UiFinancialsResponse>(
                new UiFinancialsRequest(true, new UiTopRecordsConfig(20, UiTopRecordsOrdering.Balance)), UiTimeout);
            var payables = financials.QueryResultsOpt?.PayableOpt ?? [];
            Console.WriteLine($"  the Node's payables afterwards: {payables.Count} wallets, " +
                string.Join(", ", payables.Select(p => $"{p.Wallet[..10]}…={p.BalanceGwei.ToString("N0", CultureInfo.InvariantCulture)} gwei")));
            Console.WriteLine($"  load after: {ProcSampler.LoadAverage()}");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"dashboard-tabs failed: {e}");
            foreach (var process in processes)
            {
                Console.Error.WriteLine($"--- {process.Name} (pid {process.Id}){(process.HasExited ? " [exited]" : string.Empty)}\n{process.Tail(15)}");
            }

            return 1;
        }
        finally
        {
            chromium?.Dispose();
            for (int i = processes.Count - 1; i >= 0; i--)
            {
                processes[i].Dispose();
            }

            if (destination is not null)
            {
                await destination.DisposeAsync();
            }

            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Print(string phase, IReadOnlyList<ProcSample> samples, string loadBefore, string? loadAfter)
    {
        var rss = samples.Select(s => s.RssBytes / 1048576.0).ToList();
        var cpu = samples.Select(s => s.CpuPercent).ToList();
        Console.WriteLine(
            $"  {phase,-28} {samples.Count,3} samples: dashboard RSS peak {rss.Max(),6:0.0} MiB, avg {rss.Average(),6:0.0} MiB; " +
            $"CPU avg {cpu.Average(),5:0.0} %, peak {cpu.Max(),5:0.0} % of one core; load {loadBefore}{(loadAfter is null ? string.Empty : $" → {loadAfter}")}");
    }

    /// <summary>Downloads one blob through the proxy; checks its length and SHA-256; answers the bytes.</summary>
    private static async Task<long> DownloadAsync(Uri proxy, string url, long length, int seed)
    {
        using var handler = new SocketsHttpHandler { Proxy = new WebProxy(proxy), UseProxy = true, PooledConnectionLifetime = TimeSpan.Zero };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(10) };
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        string sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (total != length || sha != Blob.Sha256(length, seed))
        {
            throw new InvalidOperationException($"{url}: got {total} of {length} bytes, sha256 {sha}");
        }

        return total;
    }

    private static async Task<UiConnectionStage> StageAsync(UiClient ui)
    {
        try
        {
            var status = await ui.TransactAsync<UiConnectionStatusRequest, UiConnectionStatusResponse>(new UiConnectionStatusRequest(), UiTimeout);
            return status.Stage;
        }
        catch (Exception e) when (e is UiCallException or UiConnectException or UiConnectionLostException or TimeoutException)
        {
            return UiConnectionStage.NotConnected;
        }
    }

    /// <summary>Starts relay <paramref name="index"/> on 127.0.5.(index+1); answers its descriptor.</summary>
    private static async Task<string> StartRelayAsync(string node, string work, int index, IReadOnlyList<string> neighbors, List<ChildProcess> processes)
    {
        var ip = IPAddress.Parse($"127.0.5.{(index + 1).ToString(CultureInfo.InvariantCulture)}");
        string directory = Path.Combine(work, $"relay-{index.ToString(CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(directory);
        int uiPort = FreePorts.On(IPAddress.Loopback);
        var args = new List<string>
        {
            "--neighborhood-mode", "standard",
            "--data-directory", directory,
            "--chain", Chain,
            "--ui-port", uiPort.ToString(CultureInfo.InvariantCulture),
            "--proxy-port", FreePorts.On(IPAddress.Loopback).ToString(CultureInfo.InvariantCulture),
            "--log-level", "info",
            "--blockchain-service-url", "http://127.0.0.1:8545",
            "--scans", "off",
            "--ip", ip.ToString(),
            "--clandestine-port", FreePorts.On(ip).ToString(CultureInfo.InvariantCulture),
            "--dns-servers", DnsAddress.ToString(),
            "--min-hops", "3",
            "--earning-wallet", "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
        };
        if (neighbors.Count > 0)
        {
            args.AddRange(["--neighbors", string.Join(",", neighbors)]);
        }

        var environment = new Dictionary<string, string>
        {
            ["MASQ_INTEGRATION_TEST"] = "true",
            ["MASQ_DB_PASSWORD"] = "relay-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            ["MASQ_CONSUMING_PRIVATE_KEY"] = NewConsumingPrivateKey(),
        };
        var process = new ChildProcess(node, args, environment);
        lock (processes)
        {
            processes.Add(process);
        }

        await process.WaitUntilAsync(
            async () => DescriptorPattern().IsMatch(process.Output) && await UiClient.ProbeAsync(uiPort, TimeSpan.FromMilliseconds(500)),
            TimeSpan.FromSeconds(180),
            $"relay {index} descriptor");
        return DescriptorPattern().Match(process.Output).Groups[1].Value;
    }

    private static async Task<ChildProcess> StartDnsmasqAsync(string work)
    {
        string hosts = Path.Combine(work, "hosts");
        await File.WriteAllTextAsync(hosts, $"{DestinationAddress} {Host}\n");
        var dns = new ChildProcess("/usr/sbin/dnsmasq",
        [
            "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", $"--addn-hosts={hosts}",
            $"--listen-address={DnsAddress}", "--bind-interfaces", "--port=53", "--local=/masq.test/", "--user=root", "--group=root",
            "--pid-file", "--log-facility=-", "--cache-size=0",
        ]);
        await Task.Delay(1000);
        if (dns.HasExited)
        {
            throw new InvalidOperationException("dnsmasq exited: " + dns.Output);
        }

        return dns;
    }

    private static string NewConsumingPrivateKey()
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

    private static string RepositoryRoot()
    {
        // The build output (or, for a build elsewhere with -o, the working directory).
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Masq.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Masq.sln not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}");
    }

    private static string Binary(string root, string project, string name, string configuration)
    {
        string path = Path.Combine(root, "src", project, "bin", configuration, "net10.0", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} ({configuration}) first: {path} is missing", path);
    }

    private static int Option(string[] args, string name, int fallback) =>
        int.Parse(OptionText(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string OptionText(string[] args, string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    [GeneratedRegex(@"MASQ Node local descriptor: (masq://\S+)")]
    private static partial Regex DescriptorPattern();
}
