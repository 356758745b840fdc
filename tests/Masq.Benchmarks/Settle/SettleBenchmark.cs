using System.Diagnostics;
using System.Globalization;
using System.Net;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Neighborhood;
using Masq.Lib.Ui.Messages;
using Masq.Node.Neighborhood;
using Masq.Node.Routing;
using Microsoft.Extensions.Logging;

namespace Masq.Benchmarks.Settle;

/// <summary>
/// The mesh-settling benchmark (the Neighborhood's figures): N standard-mode Nodes in one process, each a generic host on its own
/// 127.0.x.y address with real sockets. Node 0 has no neighbors; Node k debuts to Node k−1 and to one random earlier
/// Node (seeded). Keys and descriptors are made up front, then the hosts start (one after another, each as soon as the
/// previous one's listener is up, or all at once). Measures the time until every Node's ConnectionProgress reaches
/// RouteFound (100 ms polls, 120 s cap), the gossip sent while settling, the time gossip stops, the gossip per Node per
/// minute in a quiet window afterwards, RSS, the degree distribution, and whether 3 random Nodes find a 3-hop round trip.
/// Measures and reports only; asserts nothing.
/// </summary>
/// <remarks>Options: --nodes 10,25,50  --quiet-seconds 60  --cap-seconds 120  --start sequential|concurrent  --seed 42  --quiet-after 3 (s of no gossip that count as "gossip stopped")</remarks>
internal static class SettleBenchmark
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (Text(args, "--nodes") ?? "10,25,50").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        int quietSeconds = (int)Option(args, "--quiet-seconds", 60);
        int capSeconds = (int)Option(args, "--cap-seconds", 120);
        int seed = (int)Option(args, "--seed", 42);
        double quietAfter = Option(args, "--quiet-after", 3);
        string startMode = Text(args, "--start") ?? "sequential";
        bool concurrent = startMode == "concurrent";

        Console.WriteLine($"settle benchmark: {Environment.ProcessorCount} cores, sizes {string.Join(",", sizes)}, start {startMode}, cap {capSeconds} s, quiet window {quietSeconds} s, seed {seed}");
        var results = new List<Result>();
        int subnet = 20;
        foreach (int n in sizes)
        {
            Console.WriteLine();
            Console.WriteLine($"=== {n} Nodes ({Load()}) ===");
            var result = await RunOneAsync(n, subnet, concurrent, TimeSpan.FromSeconds(capSeconds), TimeSpan.FromSeconds(quietSeconds), TimeSpan.FromSeconds(quietAfter), seed + n);
            results.Add(result);
            subnet += 1 + (n / 200);
            GC.Collect();
            await Task.Delay(2000);
        }

        Console.WriteLine();
        Console.WriteLine($"Settle benchmark summary (start {startMode}; settled = every Node at RouteFound; cap {capSeconds} s; quiet window {quietSeconds} s)");
        Console.WriteLine("| Nodes | start-up (s) | settled (s) | not settled | gossip stopped (s) | gossip while settling: msgs / KiB (per Node) | quiet window: bytes / msgs per Node per min | CPU while settling (s) | RSS after (MiB) | full-neighbor degree min/avg/max | routes 3-hop | load avg at start → end |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(
                $"| {r.Nodes} | {r.StartupSeconds:F2} | {(r.SettledSeconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "never")} | {r.NotSettled} | "
                + $"{(r.QuietSeconds is { } q ? q.ToString("F2", CultureInfo.InvariantCulture) : "never")} | "
                + $"{r.SettleMessages} / {r.SettleBytes / 1024.0:F1} ({r.SettleMessages / (double)r.Nodes:F1} / {r.SettleBytes / 1024.0 / r.Nodes:F1}) | "
                + $"{r.QuietBytesPerNodeMinute:F1} / {r.QuietMessagesPerNodeMinute:F2} | {r.SettleCpuSeconds:F1} | {r.RssMiB:F0} | {r.Degrees} | {r.RoutesOk}/{r.RoutesTried} | {r.LoadStart} → {r.LoadEnd} |");
        }

        return 0;
    }

    private static async Task<Result> RunOneAsync(int n, int subnet, bool concurrent, TimeSpan cap, TimeSpan quietWindow, TimeSpan quietAfter, int seed)
    {
        var random = new Random(seed);
        string loadStart = Load();
        var specs = new List<SettleNodeSpec>(n);
        for (int i = 0; i < n; i++)
        {
            var ip = IPAddress.Parse($"127.0.{subnet + (i / 200)}.{1 + (i % 200)}");
            specs.Add(SettleNodeSpec.Create(i, ip, FreePorts.On(ip)));
        }

        var neighbors = new List<int>[n];
        for (int k = 0; k < n; k++)
        {
            neighbors[k] = [];
            if (k >= 1)
            {
                neighbors[k].Add(k - 1);
            }

            if (k >= 2)
            {
                neighbors[k].Add(random.Next(0, k - 1));
            }
        }

        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var nodes = new SettleNode[n];
        using var probing = new CancellationTokenSource();
        Task<List<(double At, double LagMs)>>? probe = null;
        try
        {
            if (concurrent)
            {
                await Task.WhenAll(Enumerable.Range(0, n).Select(k => Task.Run(async () =>
                    nodes[k] = await SettleNode.StartAsync(specs[k], neighbors[k].Select(j => specs[j].Descriptor).ToList(), clock))));
            }
            else
            {
                for (int k = 0; k < n; k++)
                {
                    nodes[k] = await SettleNode.StartAsync(specs[k], neighbors[k].Select(j => specs[j].Descriptor).ToList(), clock);
                }
            }

            double startup = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  all {n} hosts started after {startup:F2} s");
            probe = ProbeLagAsync(nodes, clock, probing.Token);

            // Poll until every Node is at RouteFound and gossip has stopped for quietAfter, or the cap.
            TimeSpan? settledAt = null;
            var routeFoundAt = new TimeSpan?[n];
            var tcp0 = TcpCounters();
            TimeSpan lastGossipChange = clock.Elapsed;
            long lastBytes = TotalBytes(nodes);
            var reported = new HashSet<int>();
            while (clock.Elapsed < cap)
            {
                await Task.Delay(Poll);
                long bytes = TotalBytes(nodes);
                if (bytes != lastBytes)
                {
                    lastBytes = bytes;
                    lastGossipChange = clock.Elapsed;
                }

                for (int i = 0; i < n; i++)
                {
                    if (routeFoundAt[i] is null && nodes[i].Progress.Stage == UiConnectionStage.RouteFound)
                    {
                        routeFoundAt[i] = clock.Elapsed;
                    }
                }

                int routeFound = routeFoundAt.Count(t => t is not null);
                if (settledAt is null && routeFound == n)
                {
                    settledAt = clock.Elapsed;
                    Console.WriteLine($"  settled: all {n} at RouteFound after {settledAt.Value.TotalSeconds:F2} s ({Load()})");
                }

                int second = (int)clock.Elapsed.TotalSeconds;
                if (settledAt is null && second % 10 == 0 && second > 0 && reported.Add(second))
                {
                    Console.WriteLine($"  {second} s: {routeFound}/{n} at RouteFound, {nodes.Count(x => x.Progress.Stage == UiConnectionStage.ConnectedToNeighbor)} ConnectedToNeighbor, gossip {TotalMessages(nodes)} msgs / {bytes / 1024.0:F1} KiB");
                }

                if (settledAt is not null && clock.Elapsed - lastGossipChange >= quietAfter)
                {
                    break;
                }
            }

            await probing.CancelAsync();
            var lags = await probe;
            self.Refresh();
            double settleCpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
            double settleWall = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  process CPU while settling: {settleCpu:F1} s over {settleWall:F1} s wall ({settleCpu / settleWall / Environment.ProcessorCount * 100:F0}% of {Environment.ProcessorCount} cores)");
            if (lags.Count > 0)
            {
                var worst = lags.MaxBy(l => l.LagMs);
                Console.WriteLine($"  Neighborhood mailbox lag (route query round trip to Nodes 0, n/2, n-1 every 0.5 s): median {Median(lags.Select(l => l.LagMs)):F0} ms, max {worst.LagMs:F0} ms at {worst.At:F1} s; per second: {string.Join(" ", lags.GroupBy(l => (int)l.At).Select(g => $"{g.Key}s:{g.Max(l => l.LagMs):F0}"))}");
            }

            var slowest = Enumerable.Range(0, n).OrderByDescending(i => routeFoundAt[i] ?? TimeSpan.MaxValue).Take(3).ToList();
            Console.WriteLine($"  RouteFound times: median {Median(routeFoundAt.Select(t => t?.TotalSeconds ?? double.PositiveInfinity)):F2} s; slowest: {string.Join(", ", slowest.Select(i => $"Node {i} at {(routeFoundAt[i] is { } t ? $"{t.TotalSeconds:F2} s" : "never")}"))}");
            var tcp1 = TcpCounters();
            Console.WriteLine($"  kernel TCP counters during settling (whole network namespace, shared): {string.Join(", ", tcp1.Select(kv => $"{kv.Key} +{kv.Value - tcp0.GetValueOrDefault(kv.Key)}"))}");

            bool quiet = clock.Elapsed - lastGossipChange >= quietAfter;
            TimeSpan? quietAt = quiet ? lastGossipChange : null;
            long settleMessages = TotalMessages(nodes);
            long settleBytes = TotalBytes(nodes);
            int notSettled = nodes.Count(x => x.Progress.Stage != UiConnectionStage.RouteFound);
            Console.WriteLine($"  gossip {(quiet ? $"stopped at {lastGossipChange.TotalSeconds:F2} s" : "still flowing at the cap")}: {settleMessages} msgs, {settleBytes} bytes in all; {notSettled} Node(s) not at RouteFound");

            // The quiet window.
            var windowStart = clock.Elapsed;
            long m0 = settleMessages, b0 = settleBytes;
            var perNode0 = nodes.Select(x => x.Traffic.BytesSent).ToArray();
            await Task.Delay(quietWindow);
            double minutes = (clock.Elapsed - windowStart).TotalMinutes;
            long windowMessages = TotalMessages(nodes) - m0;
            long windowBytes = TotalBytes(nodes) - b0;
            var talkers = nodes.Where((x, i) => x.Traffic.BytesSent != perNode0[i]).Select(x => x.Spec.Index).ToList();
            Console.WriteLine($"  quiet window {minutes * 60:F1} s: {windowMessages} msgs, {windowBytes} bytes in all{(talkers.Count > 0 ? $"; Nodes that sent: {string.Join(",", talkers)}" : string.Empty)} ({Load()})");

            self.Refresh();
            double rss = self.WorkingSet64 / (1024.0 * 1024.0);

            // The mesh is quiet now: look inside the databases (not thread-safe, so only now).
            var degrees = new int[n];
            var records = new int[n];
            for (int i = 0; i < n; i++)
            {
                var db = nodes[i].Neighborhood.Database;
                degrees[i] = db.FullNeighbors(db.RootKey).Count();
                records[i] = db.Count;
            }

            var histogram = degrees.GroupBy(d => d).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}");
            Console.WriteLine($"  full-neighbor degree histogram (degree:Nodes) {string.Join(" ", histogram)}; records known per Node min/avg/max {records.Min()}/{records.Average():F1}/{records.Max()}");

            // Three random Nodes ask their route source for a round trip.
            int routesOk = 0;
            var picks = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(Math.Min(3, n)).ToList();
            foreach (int i in picks)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                RoundTripPlan? plan = null;
                string problem = string.Empty;
                try
                {
                    plan = await nodes[i].Routes.FindRoundTripAsync(new RouteQuery(null, 10_000), timeout.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
                {
                    problem = e.Message;
                }

                int overHops = plan is null ? 0 : plan.Over.Count - 1;
                int backHops = plan is null ? 0 : plan.Back.Count - 1;
                bool ok = plan is { IsZeroHop: false } && overHops >= 3 && backHops >= 3;
                routesOk += ok ? 1 : 0;
                Console.WriteLine($"  route from Node {i}: {(plan is null ? $"none {problem}" : $"over {overHops} hop(s) [{string.Join(" ", plan.Over.Select(s => s.GetType().Name))}], back {backHops} hop(s), exit {Short(plan.ExitKey)}")} → {(ok ? "OK" : "FAIL")}");
            }

            ReportProblems(nodes, degrees, records);
            foreach (int i in slowest.Where(i => routeFoundAt[i] is { } t && t.TotalSeconds > 5))
            {
                Console.WriteLine($"  slow Node {i} ({nodes[i].Spec.Ip}, initial neighbors {string.Join(",", neighbors[i])}): {FullNeighborsOf(nodes[i], nodes)}; its Neighborhood log (info+):");
                foreach (var entry in nodes[i].Logs.Entries.Where(e => e.Level >= LogLevel.Information && e.EventId != NeighborhoodEventIds.NoRoute).Take(10))
                {
                    Console.WriteLine($"      {entry.At.TotalSeconds,7:F2} s {entry.Level} {ShortCategory(entry.Category)}: {entry.Message}");
                }

                var debug = nodes[i].Logs.Entries.Where(e => e.Level == LogLevel.Debug).ToList();
                Console.WriteLine($"      ({debug.Count} debug lines; last before RouteFound: {debug.LastOrDefault(e => e.At <= routeFoundAt[i])?.Message ?? "-"}; first: {debug.FirstOrDefault()?.Message ?? "-"} at {debug.FirstOrDefault()?.At.TotalSeconds:F2} s)");
            }

            string loadEnd = Load();
            return new Result(
                n,
                startup,
                settledAt?.TotalSeconds,
                notSettled,
                quietAt?.TotalSeconds,
                settleMessages,
                settleBytes,
                windowBytes / minutes / n,
                windowMessages / minutes / n,
                rss,
                settleCpu,
                $"{degrees.Min()}/{degrees.Average():F1}/{degrees.Max()}",
                routesOk,
                picks.Count,
                loadStart,
                loadEnd);
        }
        finally
        {
            await probing.CancelAsync();
            await Task.WhenAll(nodes.Where(x => x is not null).Select(x => x.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Warnings and errors across the mesh, grouped; and what every Node that never settled saw.</summary>
    private static void ReportProblems(SettleNode[] nodes, int[] degrees, int[] records)
    {
        var warnings = nodes.SelectMany(x => x.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => (Node: x.Spec.Index, Entry: e))).ToList();
        Console.WriteLine($"  (#{NeighborhoodEventIds.NoRoute} \"Unsatisfied route query\" errors come from this benchmark's lag probe asking before a route exists)");
        var byEvent = warnings.GroupBy(w => (w.Entry.Category, w.Entry.EventId)).OrderByDescending(g => g.Count());
        foreach (var group in byEvent)
        {
            var first = group.First();
            Console.WriteLine($"  {group.Count()}× {first.Entry.Level} {ShortCategory(group.Key.Category)}#{group.Key.EventId} on {group.Select(g => g.Node).Distinct().Count()} Node(s), e.g. Node {first.Node} at {first.Entry.At.TotalSeconds:F2} s: {first.Entry.Message}");
        }

        int malefactors = warnings.Count(w => w.Entry.Message.Contains("Malefactor", StringComparison.Ordinal));
        Console.WriteLine($"  warnings+errors: {warnings.Count}; malefactor bans: {malefactors}; Nodes with a recorded failure: {nodes.Count(x => x.Failure.Reason is not null)}");
        var failedEntries = nodes.SelectMany(x => x.Progress.Neighbors.Where(p => p.Stage == Masq.Node.Neighborhood.NeighborStage.Failed).Select(p => (Node: x, Entry: p))).ToList();
        Console.WriteLine($"  initial-neighbor entries: {nodes.Sum(x => x.Progress.Neighbors.Count)} tracked, {nodes.Sum(x => x.Progress.Neighbors.Count(p => p.Stage == Masq.Node.Neighborhood.NeighborStage.NeighborshipEstablished))} established, failed: {(failedEntries.Count == 0 ? "none" : string.Join(", ", failedEntries.GroupBy(f => f.Entry.Failure).Select(g => $"{g.Count()}× {g.Key}")))}");
        foreach (var (node, entry) in failedEntries.Take(6))
        {
            var peer = nodes.FirstOrDefault(x => x.Spec.Ip.Equals(entry.PeerIp));
            string initial = string.Join(",", SettleNeighbors(node));
            Console.WriteLine($"    Node {node.Spec.Index} (stage {node.Progress.Stage}, {FullNeighborsOf(node, nodes)}) entry {entry.PeerIp} = Node {peer?.Spec.Index.ToString(CultureInfo.InvariantCulture) ?? "?"} {entry.Failure}; that Node is {(peer is null ? "unknown" : FullNeighborsOf(peer, nodes))}");
            var own = node.Logs.Entries.Where(e => e.Message.Contains(entry.PeerIp + ":", StringComparison.Ordinal)).Take(4);
            foreach (var line in own)
            {
                Console.WriteLine($"        Node {node.Spec.Index} {line.At.TotalSeconds,7:F2} s {line.Level} {ShortCategory(line.Category)}: {line.Message}");
            }

            if (peer is not null)
            {
                string needle = node.Spec.Ip + ":";
                foreach (var line in peer.Logs.Entries.Where(e => e.Message.Contains(needle, StringComparison.Ordinal)).Take(4))
                {
                    Console.WriteLine($"        Node {peer.Spec.Index} {line.At.TotalSeconds,7:F2} s {line.Level} {ShortCategory(line.Category)}: {line.Message}");
                }
            }
        }

        foreach (var node in nodes.Where(x => x.Progress.Stage != UiConnectionStage.RouteFound || x.Failure.Reason is not null))
        {
            int i = node.Spec.Index;
            var tracked = string.Join("; ", node.Progress.Neighbors.Select(p => $"{p.PeerIp} {p.Stage}{(p.Failure.ToString() == "None" ? string.Empty : $"({p.Failure})")}"));
            Console.WriteLine($"  not settled: Node {i} ({node.Spec.Ip}) stage {node.Progress.Stage}, full neighbors {degrees[i]}, records {records[i]}, tracked [{tracked}]{(node.Failure.Reason is { } reason ? $", failure: {reason}" : string.Empty)}");
            foreach (var entry in node.Logs.Entries.Where(e => ShortCategory(e.Category) == "NeighborhoodActor" || e.Level >= LogLevel.Warning).Take(12))
            {
                Console.WriteLine($"      {entry.At.TotalSeconds,7:F2} s {entry.Level} {ShortCategory(entry.Category)}: {entry.Message}");
            }
        }
    }

    /// <summary>How long a route query takes through each probed Node's Neighborhood mailbox (it queues behind gossip).</summary>
    private static async Task<List<(double At, double LagMs)>> ProbeLagAsync(SettleNode[] nodes, Stopwatch clock, CancellationToken stop)
    {
        var lags = new List<(double, double)>();
        int[] probed = [0, nodes.Length / 2, nodes.Length - 1];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (int i in probed.Distinct())
                {
                    var started = clock.Elapsed;
                    await nodes[i].Routes.FindRoundTripAsync(new RouteQuery(null, 10_000), stop);
                    lags.Add((started.TotalSeconds, (clock.Elapsed - started).TotalMilliseconds));
                }

                await Task.Delay(500, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return lags;
    }

    /// <summary>A few TcpExt counters from /proc/net/netstat (connect retries, listen-queue drops).</summary>
    private static Dictionary<string, long> TcpCounters()
    {
        string[] wanted = ["TCPTimeouts", "TCPSynRetrans", "ListenOverflows", "ListenDrops", "TCPReqQFullDrop"];
        var result = new Dictionary<string, long>();
        try
        {
            var lines = File.ReadAllLines("/proc/net/netstat").Where(l => l.StartsWith("TcpExt:", StringComparison.Ordinal)).ToList();
            if (lines.Count >= 2)
            {
                var names = lines[0].Split(' ');
                var values = lines[1].Split(' ');
                for (int i = 1; i < names.Length && i < values.Length; i++)
                {
                    if (wanted.Contains(names[i]))
                    {
                        result[names[i]] = long.Parse(values[i], CultureInfo.InvariantCulture);
                    }
                }
            }
        }
        catch (IOException)
        {
        }

        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static long TotalBytes(SettleNode[] nodes) => nodes.Sum(x => x.Traffic.BytesSent);

    private static long TotalMessages(SettleNode[] nodes) => nodes.Sum(x => x.Traffic.MessagesSent);

    private static IEnumerable<string> SettleNeighbors(SettleNode node) => node.Progress.Neighbors.Select(p => p.PeerIp.ToString());

    /// <summary>"full neighbors [Node 3, Node 7]" from the (quiet) database.</summary>
    private static string FullNeighborsOf(SettleNode node, SettleNode[] nodes)
    {
        var db = node.Neighborhood.Database;
        var names = db.FullNeighbors(db.RootKey).Select(r => nodes.FirstOrDefault(x => x.Spec.Main.PublicKey.Equals(r.Key)) is { } x ? x.Spec.Index.ToString(CultureInfo.InvariantCulture) : "?");
        return $"full neighbors [{string.Join(",", names)}]";
    }

    private static string ShortCategory(string category) => category[(category.LastIndexOf('.') + 1)..];

    private static string Short(Masq.Node.Crypto.PublicKey key) => NodeDescriptor.EncodeKey(key.Span)[..8];

    private static string Load()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load {parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "load ?";
        }
    }

    private static string? Text(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static double Option(string[] args, string name, double fallback) =>
        Text(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private sealed record Result(
        int Nodes,
        double StartupSeconds,
        double? SettledSeconds,
        int NotSettled,
        double? QuietSeconds,
        long SettleMessages,
        long SettleBytes,
        double QuietBytesPerNodeMinute,
        double QuietMessagesPerNodeMinute,
        double RssMiB,
        double SettleCpuSeconds,
        string Degrees,
        int RoutesOk,
        int RoutesTried,
        string LoadStart,
        string LoadEnd);
}
