using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Masq.IntegrationTests.Links;
using Masq.Node.Crypto;
using Masq.Node.Links;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// Floods for the hardening tests: many real sockets on loopback, each bounded in count and time. Figures go to the
/// file named by <c>MASQ_FLOOD_FIGURES</c> when set (scripts/bench-flood.sh), never into assertions about time.
/// </summary>
internal static class Flood
{
    /// <summary>Bounds every wait on the Node (a failure guard, not a measurement).</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    /// <summary>The process's resident set (VmRSS in /proc/PID/status), in bytes.</summary>
    public static long Rss(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public static void Figure(string name, string value)
    {
        if (Environment.GetEnvironmentVariable("MASQ_FLOOD_FIGURES") is { Length: > 0 } path)
        {
            File.AppendAllText(path, $"{name}: {value}\n");
        }
    }

    public static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>Connects from <paramref name="source"/> (any port) to <paramref name="target"/>.</summary>
    public static async Task<Socket> ConnectAsync(IPAddress source, IPEndPoint target)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(target, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes <paramref name="bytes"/>; false when the Node closed the connection first.</summary>
    public static async Task<bool> TrySendAsync(Socket socket, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!bytes.IsEmpty)
            {
                int sent = await socket.SendAsync(bytes, SocketFlags.None, timeout.Token);
                bytes = bytes[sent..];
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until the Node closed every socket (a read sees the end or a reset), within <see cref="Guard"/>;
    /// returns how many it closed. Whatever the Node sends before closing is read and dropped.
    /// </summary>
    public static async Task<int> CountClosedByNodeAsync(IReadOnlyList<Socket> sockets)
    {
        using var guard = new CancellationTokenSource(Guard);
        var results = await Task.WhenAll(sockets.Select(async socket =>
        {
            byte[] sink = new byte[4096];
            try
            {
                for (int i = 0; i < 10_000; i++)
                {
                    if (await socket.ReceiveAsync(sink, SocketFlags.None, guard.Token) == 0)
                    {
                        return true;
                    }
                }

                return false;
            }
            catch (SocketException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }));
        return results.Count(closed => closed);
    }

    /// <summary>A TLS link to <paramref name="target"/> from <paramref name="source"/>, proven to the attacker's own identity.</summary>
    public static Task<LinkClient> LinkAsync(LinkHandshake attacker, IPAddress source, IPEndPoint target, PublicKey targetKey) =>
        LinkClient.ConnectAsync(attacker, target, targetKey, source);

    /// <summary>
    /// The direct cells of a package that never ends: cells with the "more" flag, about <paramref name="length"/> bytes
    /// of them, without the last one.
    /// </summary>
    public static byte[] UnfinishedFrame(int length)
    {
        ulong counter = 1;
        var cells = LinkClient.Cells(new byte[length + (64 * 1024)], ref counter);
        var unfinished = new List<byte>();
        foreach (var cell in cells.Take(cells.Count - 1))
        {
            if (unfinished.Count >= length)
            {
                break;
            }

            unfinished.AddRange(cell);
        }

        return [.. unfinished];
    }

    /// <summary><paramref name="count"/> whole packages in direct cells whose contents are random bytes (no package opens).</summary>
    public static byte[] GarbageFrames(int count)
    {
        ulong counter = 1;
        var bytes = new List<byte>();
        for (int i = 0; i < count; i++)
        {
            foreach (var cell in LinkClient.Cells(System.Security.Cryptography.RandomNumberGenerator.GetBytes(96), ref counter))
            {
                bytes.AddRange(cell);
            }
        }

        return [.. bytes];
    }

    /// <summary>Writes <paramref name="bytes"/> inside the link; false when the Node closed it first.</summary>
    public static async Task<bool> TrySendAsync(LinkClient link, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await link.SendRawAsync(bytes).WaitAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Lines in the Node's log file so far.</summary>
    public static int LogLines(MeshMember node) => node.ReadLogFile().Count(c => c == '\n');
}
