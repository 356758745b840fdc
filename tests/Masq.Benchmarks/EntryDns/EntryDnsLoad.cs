using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Masq.Node.DataPath;
using Masq.Node.EntryDns;
using Masq.Node.Networking;
using Masq.Node.Proxy.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Benchmarks.EntryDns;

/// <summary>
/// Entry DNS under load over real UDP sockets: CLIENTS clients each ask one query at a time (a new name each time, as
/// a browser does) for SECONDS, against a running Node's 127.0.0.1:53 (<c>--server</c>) or, without it, an entry DNS
/// server hosted here on a free port. Prints answers per second and the latency percentiles.
/// <c>entry-dns-load [--server IP:PORT] [--clients 8] [--seconds 10]</c>
/// </summary>
internal static class EntryDnsLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? server = Option(args, "--server");
        int clients = int.Parse(Option(args, "--clients") ?? "8", CultureInfo.InvariantCulture);
        int seconds = int.Parse(Option(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);

        EntryDnsSockets? sockets = null;
        EntryDnsServer? hosted = null;
        IPEndPoint target;
        if (server is null)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            udp.ReceiveBufferSize = 1 << 20;
            sockets = new EntryDnsSockets(udp, null);
            hosted = new EntryDnsServer(sockets, new DataPathOptions(), TimeProvider.System, NullLogger<EntryDnsServer>.Instance);
            await hosted.StartAsync(CancellationToken.None);
            target = (IPEndPoint)udp.LocalEndPoint!;
        }
        else
        {
            target = IPEndPoint.Parse(server);
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var runs = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => AskUntilAsync(target, c, deadline))));
        var latencies = runs.SelectMany(r => r.Latencies).Order().ToArray();
        long lost = runs.Sum(r => r.Lost);
        double perSecond = latencies.Length / (double)seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"entry DNS at {target} ({(server is null ? "hosted in this process" : "a running Node")}), {clients} clients, {seconds} s: "
            + $"{latencies.Length} answers, {perSecond:F0} answers/s, lost {lost}; latency p50 {Percentile(latencies, 0.50):F1} µs, "
            + $"p99 {Percentile(latencies, 0.99):F1} µs, p99.9 {Percentile(latencies, 0.999):F1} µs, max {latencies.LastOrDefault():F1} µs"));

        if (hosted is not null)
        {
            await hosted.StopAsync(CancellationToken.None);
            hosted.Dispose();
            sockets!.Dispose();
        }

        return latencies.Length > 0 ? 0 : 1;
    }

    public static byte[] Query(ushort id, string name, ushort type)
    {
        byte[] buffer = new byte[300];
        return DnsMessage.TryBuildQuery(id, name, type, buffer, out int length) ? buffer[..length] : throw new ArgumentException($"no query for {name}");
    }

    private static async Task<(List<double> Latencies, long Lost)> AskUntilAsync(IPEndPoint target, int client, long deadline)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(target);
        var latencies = new List<double>(1 << 16);
        long lost = 0;
        byte[] answer = new byte[512];
        var addresses = new List<IPAddress>(1);
        for (int i = 0; Stopwatch.GetTimestamp() < deadline; i++)
        {
            ushort id = (ushort)i;
            byte[] query = Query(id, $"host{i}.client{client}.test", DnsMessage.TypeA);
            long start = Stopwatch.GetTimestamp();
            await socket.SendAsync(query, SocketFlags.None);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                while (true)
                {
                    int received = await socket.ReceiveAsync(answer, SocketFlags.None, wait.Token);
                    addresses.Clear();
                    if (DnsMessage.TryReadAnswer(answer.AsSpan(0, received), id, DnsMessage.TypeA, addresses, out _) && addresses.Count == 1)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                lost++;
            }
        }

        return (latencies, lost);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
