using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Blockchains;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.DataPath;

namespace Masq.Benchmarks.Mesh;

/// <summary>
/// The mesh throughput benchmark (the data path's figures): a Kestrel destination serving content of known SHA-256, a direct
/// download in the same run, then the same downloads through a zero-hop Node and through a 3-hop round trip of 6 Nodes,
/// each Node its own process on its own 127.0.0.x address. Reports MB/s, the ratio to direct, time to first byte for
/// 1 KiB, each Node's peak RSS while 1 GiB goes through, and whether 100 concurrent downloads all arrive intact.
/// Every byte of every download is checked. Measures only; asserts nothing.
/// </summary>
/// <remarks>Options: --size-mib N (256), --big-mib N (1024), --concurrent N (100), --concurrent-kib N (2048), --ttfb N (40), --chunk-kib N (64), --routed-chunk-kib N (the Node default).</remarks>
internal static class MeshBenchmark
{
    private static readonly IPAddress DestinationAddress = IPAddress.Parse("127.0.0.200");

    public static async Task<int> RunAsync(string[] args)
    {
        long sizeMib = Option(args, "--size-mib", 256);
        long bigMib = Option(args, "--big-mib", 1024);
        int concurrent = (int)Option(args, "--concurrent", 100);
        long concurrentKib = Option(args, "--concurrent-kib", 2048);
        int ttfbSamples = (int)Option(args, "--ttfb", 40);
        int chunk = (int)Option(args, "--chunk-kib", 64) * 1024;
        int routedChunk = (int)Option(args, "--routed-chunk-kib", new DataPathOptions().MaxRoutedChunkLength / 1024) * 1024;
        long size = sizeMib * 1024 * 1024;

        Console.WriteLine($"mesh benchmark: {Environment.ProcessorCount} cores, {sizeMib} MiB downloads, chunk {chunk / 1024} KiB, routed chunk {routedChunk / 1024} KiB");
        await using var destination = await Destination.StartAsync(DestinationAddress, FreePorts.On(DestinationAddress), FreePorts.On(DestinationAddress), ["bench.masq.test"]);
        string Url(long length, int seed) => $"http://{DestinationAddress}:{destination.HttpPort}/blob/{length}/{seed}";

        using var direct = Client(null);
        await DownloadAsync(direct, Url(1024 * 1024, 1), 1024 * 1024, 1);
        var directRun = await DownloadAsync(direct, Url(size, 2), size, 2);
        var directTtfb = await TtfbAsync(direct, null, Url(1024, 3), ttfbSamples);
        Report("direct", directRun, directRun, directTtfb, directTtfb);

        await using (var zeroHop = await MeshProcesses.StartAsync(ZeroHopConfig(chunk, routedChunk)))
        {
            using var client = Client(zeroHop.ProxyUri);
            await DownloadAsync(client, Url(1024 * 1024, 4), 1024 * 1024, 4);
            var run = await DownloadAsync(client, Url(size, 5), size, 5);
            var ttfb = await TtfbAsync(client, null, Url(1024, 6), ttfbSamples);
            var coldTtfb = await TtfbAsync(null, zeroHop.ProxyUri, Url(1024, 6), ttfbSamples / 2);
            Report("zero-hop", run, directRun, ttfb, directTtfb);
            Console.WriteLine($"    cold TTFB (new browser connection, new stream): median {coldTtfb:F2} ms");
        }

        await using (var mesh = await MeshProcesses.StartAsync(ThreeHopConfig(chunk, routedChunk)))
        {
            using var client = Client(mesh.ProxyUri);
            await DownloadAsync(client, Url(1024 * 1024, 7), 1024 * 1024, 7);
            var cpuBefore = mesh.CpuSeconds().ToArray();
            var run = await DownloadAsync(client, Url(size, 8), size, 8);
            var cpu = mesh.CpuSeconds().Zip(cpuBefore, (after, before) => after - before).ToArray();
            var ttfb = await TtfbAsync(client, null, Url(1024, 9), ttfbSamples);
            var coldTtfb = await TtfbAsync(null, mesh.ProxyUri, Url(1024, 9), ttfbSamples / 2);
            Report("3-hop (6 Nodes)", run, directRun, ttfb, directTtfb);
            Console.WriteLine($"    cold TTFB (new browser connection, new stream, new route): median {coldTtfb:F2} ms");
            Console.WriteLine($"    CPU seconds per Node for the {sizeMib} MiB (O, R1, R2, X, R3, R4): {string.Join(", ", cpu.Select(c => c.ToString("F1", CultureInfo.InvariantCulture)))}");

            // Again, warm: the first download through a relay also pays for compiling its code paths (the request-side
            // relays carry only a request and the credit updates, so that cost dominates theirs).
            cpuBefore = mesh.CpuSeconds().ToArray();
            var warm = await DownloadAsync(client, Url(size, 11), size, 11);
            cpu = mesh.CpuSeconds().Zip(cpuBefore, (after, before) => after - before).ToArray();
            Console.WriteLine($"    again, warm: {warm.MegabytesPerSecond:F1} MB/s, intact: {warm.Intact}; CPU seconds per Node (O, R1, R2, X, R3, R4): {string.Join(", ", cpu.Select(c => c.ToString("F2", CultureInfo.InvariantCulture)))}");

            long big = bigMib * 1024 * 1024;
            var bigRun = await DownloadAsync(client, Url(big, 10), big, 10);
            Console.WriteLine($"  3-hop {bigMib} MiB: {bigRun.MegabytesPerSecond:F1} MB/s, intact: {bigRun.Intact}");
            Console.WriteLine($"    peak RSS per Node (VmHWM, MB): {string.Join(", ", mesh.PeakRssMegabytes().Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}");

            long each = concurrentKib * 1024;
            var watch = Stopwatch.StartNew();
            var runs = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(i => DownloadAsync(client, Url(each, 100 + i), each, 100 + i)));
            watch.Stop();
            Console.WriteLine($"  3-hop {concurrent} concurrent downloads of {concurrentKib} KiB: {runs.Count(r => r.Intact)}/{concurrent} intact, "
                + $"{concurrent * each / 1e6 / watch.Elapsed.TotalSeconds:F1} MB/s aggregate, slowest {runs.Max(r => r.Seconds):F1} s");
            Console.WriteLine($"    peak RSS per Node after the concurrent downloads too (VmHWM, MB): {string.Join(", ", mesh.PeakRssMegabytes().Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}");
        }

        return 0;
    }

    private static void Report(string name, Run run, Run direct, double ttfbMs, double directTtfbMs) =>
        Console.WriteLine($"  {name}: {run.MegabytesPerSecond:F1} MB/s ({run.MegabytesPerSecond / direct.MegabytesPerSecond:P0} of direct), intact: {run.Intact}; "
            + $"1 KiB TTFB median {ttfbMs:F2} ms (+{ttfbMs - directTtfbMs:F2} ms vs direct)");

    private static HttpClient Client(Uri? proxy) =>
        new(new SocketsHttpHandler { Proxy = proxy is null ? null : new WebProxy(proxy), UseProxy = proxy is not null })
        {
            Timeout = TimeSpan.FromMinutes(10),
        };

    private static async Task<Run> DownloadAsync(HttpClient client, string url, long length, int seed)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[128 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        watch.Stop();
        bool intact = total == length && Convert.ToHexStringLower(hash.GetHashAndReset()) == ExpectedSha(length, seed);
        return new Run(total, watch.Elapsed.TotalSeconds, intact);
    }

    private static readonly Dictionary<(long, int), string> Hashes = [];

    private static string ExpectedSha(long length, int seed)
    {
        lock (Hashes)
        {
            if (!Hashes.TryGetValue((length, seed), out var sha))
            {
                Hashes[(length, seed)] = sha = Blob.Sha256(length, seed);
            }

            return sha;
        }
    }

    /// <summary>
    /// Median milliseconds from sending a 1 KiB GET to its first body byte: on <paramref name="shared"/>'s warm
    /// connection, or (null) on a new connection each time through <paramref name="proxy"/>.
    /// </summary>
    private static async Task<double> TtfbAsync(HttpClient? shared, Uri? proxy, string url, int samples)
    {
        var times = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            var http = shared ?? Client(proxy);
            try
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                byte[] one = new byte[1];
                await body.ReadExactlyAsync(one);
                times.Add(watch.Elapsed.TotalMilliseconds);
                await body.CopyToAsync(Stream.Null);
            }
            finally
            {
                if (shared is null)
                {
                    http.Dispose();
                }
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static MeshConfig ZeroHopConfig(int chunk, int routedChunk) =>
        new([Node(1, zeroHop: true, chunk, routedChunk, proxy: true)], [], [], string.Empty);

    private static MeshConfig ThreeHopConfig(int chunk, int routedChunk)
    {
        var nodes = Enumerable.Range(0, 6).Select(i => Node(i, zeroHop: false, chunk, routedChunk, proxy: i == 0)).ToList();
        return new MeshConfig(nodes, [0, 1, 2, 3], [3, 4, 5, 0], "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    }

    private static MeshNodeConfig Node(int index, bool zeroHop, int chunk, int routedChunk, bool proxy)
    {
        var ip = IPAddress.Parse($"127.0.0.{60 + index}");
        var key = CryptDeReal.Generate(Chain.BaseSepolia.ContractAddress.Bytes);
        byte[] wallet = new byte[20];
        wallet[0] = 0xbe;
        wallet[19] = (byte)(index + 1);
        return new MeshNodeConfig(ip.ToString(), FreePorts.On(ip), proxy ? FreePorts.On(IPAddress.Loopback) : 0, Convert.ToHexString(key.ExportKeyPair()), WalletAddress.FromBytes(wallet).ToString(), zeroHop, chunk, routedChunk);
    }

    private static long Option(string[] args, string name, long fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Run(long Bytes, double Seconds, bool Intact)
    {
        public double MegabytesPerSecond => Bytes / 1e6 / Seconds;
    }
}
