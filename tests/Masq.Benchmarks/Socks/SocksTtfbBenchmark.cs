using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Masq.IntegrationTests.DataPath.Harness;

namespace Masq.Benchmarks.Socks;

/// <summary>
/// Time to first byte of a 1 KiB GET through a 3-hop route (6 Nodes in this process, each its own generic host on its
/// own 127.0.0.x), through the forward proxy and through SOCKS5 in the same run, samples interleaved. Every sample is
/// a new client connection and so a new stream, as a browser's first request to a site. For SOCKS5 it also reports when
/// the success reply came (the exit connected). Measures only; asserts nothing.
/// </summary>
/// <remarks>Options: --samples N (40).</remarks>
internal static class SocksTtfbBenchmark
{
    private static readonly IPAddress DestinationAddress = IPAddress.Parse("127.0.0.200");

    public static async Task<int> RunAsync(string[] args)
    {
        int samples = args.Length > 1 && args[0] == "--samples" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
        await using var destination = await Destination.StartAsync(DestinationAddress, FreePorts.On(DestinationAddress), FreePorts.On(DestinationAddress), ["bench.masq.test"]);
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], (i, spec) => i == 0 ? spec with { SocksPort = FreePorts.On(IPAddress.Loopback) } : spec, firstAddress: 110);
        int proxyPort = mesh.Originator.Spec.ProxyPort;
        int socksPort = mesh.Originator.Spec.SocksPort;
        string Get(int seed, bool absolute) =>
            $"GET {(absolute ? $"http://{DestinationAddress}:{destination.HttpPort}" : string.Empty)}/blob/1024/{seed} HTTP/1.1\r\nHost: {DestinationAddress}:{destination.HttpPort}\r\nConnection: close\r\n\r\n";

        // Warm-up: links opened, JIT done.
        await ForwardProxyAsync(proxyPort, Get(1, true));
        await SocksAsync(socksPort, destination.HttpPort, Get(2, false));

        var forward = new List<double>();
        var socks = new List<double>();
        var socksReply = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            forward.Add(await ForwardProxyAsync(proxyPort, Get(10 + i, true)));
            var (reply, first) = await SocksAsync(socksPort, destination.HttpPort, Get(1000 + i, false));
            socksReply.Add(reply);
            socks.Add(first);
        }

        Console.WriteLine($"SOCKS5 vs forward proxy, 3-hop (6 Nodes in one process), 1 KiB GET, {samples} samples each, interleaved; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine($"  forward proxy TTFB: {Summary(forward)}");
        Console.WriteLine($"  SOCKS5 TTFB:        {Summary(socks)}");
        Console.WriteLine($"  SOCKS5 reply 00:    {Summary(socksReply)} (the exit connected; the GET goes out after it)");
        return 0;
    }

    private static async Task<double> ForwardProxyAsync(int port, string request)
    {
        var watch = Stopwatch.StartNew();
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        return await FirstByteThenDrainAsync(stream, watch);
    }

    private static async Task<(double Reply, double FirstByte)> SocksAsync(int port, int httpPort, string request)
    {
        var watch = Stopwatch.StartNew();
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(new byte[] { 5, 1, 0 });
        byte[] method = new byte[2];
        await stream.ReadExactlyAsync(method);
        byte[] connect = [5, 1, 0, 1, .. DestinationAddress.GetAddressBytes(), (byte)(httpPort >> 8), (byte)httpPort];
        await stream.WriteAsync(connect);
        byte[] reply = new byte[10];
        await stream.ReadExactlyAsync(reply);
        if (reply[1] != 0)
        {
            throw new InvalidOperationException($"SOCKS5 reply {reply[1]:X2}");
        }

        double replied = watch.Elapsed.TotalMilliseconds;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        return (replied, await FirstByteThenDrainAsync(stream, watch));
    }

    private static async Task<double> FirstByteThenDrainAsync(NetworkStream stream, Stopwatch watch)
    {
        byte[] buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int read = await stream.ReadAsync(buffer, timeout.Token);
        double first = watch.Elapsed.TotalMilliseconds;
        if (read == 0 || !Encoding.ASCII.GetString(buffer, 0, read).StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("no 200 answer");
        }

        while (await stream.ReadAsync(buffer, timeout.Token) > 0)
        {
        }

        return first;
    }

    private static string Summary(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"median {At(0.5):F1} ms, p90 {At(0.9):F1} ms, min {sorted[0]:F1} ms");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
