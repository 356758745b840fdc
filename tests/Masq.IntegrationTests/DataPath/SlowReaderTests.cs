using System.Diagnostics;
using System.Globalization;
using System.Net;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Neighborhood;
using Masq.Lib.Ui.Messages;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// Per-stream flow control (protocol.md §4, issue 15 point 4) with real Node processes: while one curl reads a large
/// download slowly (<c>--limit-rate 3M</c>) through the originator, small requests through the same originator still
/// succeed, and the slow download arrives intact. The small requests' latencies, idle and beside the slow reader, are
/// printed (a measurement, not an assertion; the only time limit is a generous failure guard).
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class SlowReaderTests(SixNodeMeshFixture fixture, ITestOutputHelper output) : IClassFixture<SixNodeMeshFixture>
{
    private const int SmallRequests = 12;
    private const long SmallLength = 1024;
    private const long SlowLength = 64L * 1024 * 1024;

    /// <summary>A failure guard for each small request: far above any latency that would be acceptable.</summary>
    private static readonly TimeSpan SmallRequestGuard = TimeSpan.FromSeconds(20);

    /// <summary>Beside the slow reader, a small request starts this often (whether or not the previous one ended), so they sample the slow download.</summary>
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Small_requests_go_through_while_one_browser_reads_a_large_download_slowly()
    {
        var originator = fixture.Originator;
        await fixture.Mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);
        await fixture.AssertDownloadsIntactAsync(originator, 200_000, 60);

        var idle = await SmallRequestsAsync(originator, 1000, TimeSpan.Zero);

        var slow = Curl.DownloadAsync(["-x", originator.ProxyUri.ToString(), "--limit-rate", "3M"], fixture.BlobUrl(SlowLength, 61));

        // Let the slow stream fill its window and its links first.
        await Task.WhenAny(slow, Task.Delay(TimeSpan.FromSeconds(3)));
        var loaded = await SmallRequestsAsync(originator, 2000, Spacing);
        bool slowStillRunning = !slow.IsCompleted;
        var slowResult = await slow;

        output.WriteLine(Describe("small requests idle", idle));
        output.WriteLine(Describe("small requests beside a slow reader", loaded));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio of medians: {Median(loaded) / Median(idle):F2}; the slow download was {(slowStillRunning ? "still running" : "already over")} after the small requests"));

        Assert.True(idle.Concat(loaded).All(r => r.Problem is null), $"some small requests failed (see the output)\n{fixture.Mesh.Report()}");

        Assert.True(
            slowResult.ExitCode == 0 && slowResult.Length == SlowLength && slowResult.Sha256 == Blob.Sha256(SlowLength, 61),
            $"the slow download got exit {slowResult.ExitCode}, {slowResult.Length} of {SlowLength} bytes: {slowResult.Error}\n{fixture.Mesh.Report()}");
    }

    /// <summary>
    /// Small GETs, each on a new connection (a new stream), the next one started <paramref name="spacing"/> after the
    /// previous one started (zero: after it ended), whether or not it has ended: their latencies in ms, and what went wrong.
    /// </summary>
    private async Task<List<(double Milliseconds, string? Problem)>> SmallRequestsAsync(MeshMember originator, int firstSeed, TimeSpan spacing)
    {
        var requests = new List<Task<(double Milliseconds, string? Problem)>>();
        for (int i = 0; i < SmallRequests; i++)
        {
            var request = SmallRequestAsync(originator, firstSeed + i);
            requests.Add(request);
            await (spacing == TimeSpan.Zero ? request : Task.Delay(spacing));
        }

        return [.. await Task.WhenAll(requests)];
    }

    private async Task<(double Milliseconds, string? Problem)> SmallRequestAsync(MeshMember originator, int seed)
    {
        using var handler = new SocketsHttpHandler { Proxy = new WebProxy(originator.ProxyUri), UseProxy = true, PooledConnectionLifetime = TimeSpan.Zero };
        using var client = new HttpClient(handler) { Timeout = SmallRequestGuard };
        var watch = Stopwatch.StartNew();
        string? problem;
        try
        {
            byte[] body = await client.GetByteArrayAsync(fixture.BlobUrl(SmallLength, seed));
            problem = MeshEnvironment.Sha256Of(body) == Blob.Sha256(SmallLength, seed) ? null : $"{body.Length} bytes that are not the blob";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            problem = e.Message;
        }

        return (watch.Elapsed.TotalMilliseconds, problem);
    }

    private static string Describe(string what, List<(double Milliseconds, string? Problem)> results) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: median {Median(results):F1} ms, max {results.Max(r => r.Milliseconds):F1} ms, {results.Count(r => r.Problem is not null)} failed "
            + $"({string.Join(", ", results.Select(r => r.Milliseconds.ToString("F0", CultureInfo.InvariantCulture) + (r.Problem is null ? string.Empty : " [" + r.Problem + "]")))})");

    private static double Median(List<(double Milliseconds, string? Problem)> results)
    {
        var sorted = results.Select(r => r.Milliseconds).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
