using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Infrastructure;
using Masq.Node.Networking;
using Masq.Node.Routing;
using Xunit.Abstractions;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// Dead routes: full Nodes in this process on a 3-hop route 0→1→2→3 and back 3→2→1→0, with a
/// <see cref="FaultyTcpRelay"/> put in front of one Node (every Node is told that Node lives at the relay). A link that
/// stalls, is cut or reset ends the browser's stream long before the 5-minute idle timeout (curl's own 120 s limit
/// would show as exit code 28); a slow link or a slow server does not. Elapsed times are printed, not asserted.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class RouteFailureTests(DataPathFixture fixture, ITestOutputHelper output)
{
    private const int CurlTimedOut = 28;
    private const long BigDownload = 512L * 1024 * 1024;

    [Fact]
    public async Task A_link_that_stalls_mid_download_ends_the_download_and_the_next_request_works_once_it_heals()
    {
        await using var mesh = await StartMeshAsync();
        await using var relay = Intercept(mesh, 2);
        var download = Curl.DownloadAsync(mesh.Originator.ProxyUri, fixture.HttpUrl($"/blob/{BigDownload}/61"));
        Assert.True(await relay.WaitForForwardedAsync(4 * 1024 * 1024, TimeSpan.FromSeconds(60)), "the download did not start through the relay");

        relay.Fault = FaultyTcpRelay.TcpFault.Stall;
        var watch = Stopwatch.StartNew();
        var result = await download;
        output.WriteLine($"stalled relay → curl ended after {watch.Elapsed.TotalSeconds:0.0} s (exit {result.ExitCode}, {result.Length} bytes)");

        Assert.True(result.ExitCode is not 0 and not CurlTimedOut && result.Length < BigDownload, $"curl exit {result.ExitCode}, {result.Length} bytes: {result.Error}\n{Logs(mesh)}");
        Assert.Contains(mesh.Originator.Logs.Entries, e => e.EventId == DataPathEventIds.RouteDead);

        relay.Heal();
        var next = await Curl.DownloadAsync(mesh.Originator.ProxyUri, fixture.HttpUrl("/blob/1000000/62"));
        Assert.True(next.ExitCode == 0 && next.Sha256 == Blob.Sha256(1_000_000, 62), $"the next download: curl exit {next.ExitCode}: {next.Error}\n{Logs(mesh)}");
    }

    [Fact]
    public async Task A_request_whose_route_is_stalled_gets_the_route_failed_page_and_a_tls_stream_an_alert()
    {
        await using var mesh = await StartMeshAsync();
        await using var relay = Intercept(mesh, 3);
        relay.Fault = FaultyTcpRelay.TcpFault.Stall;

        using var client = fixture.ClientThrough(mesh.Originator.ProxyUri);
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(fixture.HttpUrl("/hello"));
        string body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        output.WriteLine($"stalled exit link → error page after {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains($"The route to {DataPathFixture.FilesHost} failed", body, StringComparison.Ordinal);

        // HTTPS: the CONNECT is answered by this Node, the TLS handshake then ends with an alert instead of hanging.
        var tls = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(DataPathFixture.HttpsUrl("/hello")));
        output.WriteLine($"TLS: {tls.Message}");
    }

    [Fact]
    public async Task A_first_hop_that_is_cut_ends_the_download_at_once_and_a_reset_further_on_ends_it_too()
    {
        await using var mesh = await StartMeshAsync();
        await using (var first = Intercept(mesh, 1))
        {
            var download = Curl.DownloadAsync(mesh.Originator.ProxyUri, fixture.HttpUrl($"/blob/{BigDownload}/63"));
            Assert.True(await first.WaitForForwardedAsync(4 * 1024 * 1024, TimeSpan.FromSeconds(60)), "the download did not start through the relay");
            first.Cut(refuseNew: true);
            var watch = Stopwatch.StartNew();
            var result = await download;
            output.WriteLine($"cut first hop → curl ended after {watch.Elapsed.TotalSeconds:0.0} s (exit {result.ExitCode}, {result.Length} bytes)");
            // Bytes the relay forwarded may still be on their way into the originator when the link closes; then nothing
            // reached curl yet and it gets the route-failed page (exit 0, a short body) instead of a cut download.
            Assert.True(result.ExitCode is not CurlTimedOut && result.Length < BigDownload, $"curl exit {result.ExitCode}, {result.Length} bytes: {result.Error}\n{Logs(mesh)}");
            Assert.Contains(mesh.Originator.Logs.Entries, e => e.EventId == DataPathEventIds.RouteDead && e.Message.Contains("the link to the first Node", StringComparison.Ordinal));
        }

        // Node 2's links (1→2 and 3→2) reset: the originator sees no link close, only an unanswered probe.
        Restore(mesh, 1);
        await using var middle = Intercept(mesh, 2);
        var second = Curl.DownloadAsync(mesh.Originator.ProxyUri, fixture.HttpUrl($"/blob/{BigDownload}/64"));
        Assert.True(await middle.WaitForForwardedAsync(4 * 1024 * 1024, TimeSpan.FromSeconds(60)), "the second download did not start through the relay");
        middle.Reset(refuseNew: true);
        var resetResult = await second;

        // The relay may have counted the first download's leftovers, so the reset can come before this one's first byte:
        // then curl gets the route-failed page (exit 0, a short body), otherwise a cut download.
        Assert.True(resetResult.ExitCode is not CurlTimedOut && resetResult.Length < BigDownload, $"curl exit {resetResult.ExitCode}, {resetResult.Length} bytes: {resetResult.Error}\n{Logs(mesh)}");
        Assert.Equal(2, mesh.Originator.Logs.Count(DataPathEventIds.RouteDead));
    }

    [Fact]
    public async Task A_link_that_fragments_and_delays_and_a_server_that_thinks_for_seconds_still_deliver_intact()
    {
        await using var mesh = await StartMeshAsync();
        await using var relay = Intercept(mesh, 2);
        relay.Fault = FaultyTcpRelay.TcpFault.PartialWrites;
        relay.PartialWriteLength = 1000;
        var fragmented = await Curl.DownloadAsync(mesh.Originator.ProxyUri, fixture.HttpUrl("/blob/3000000/65"));
        Assert.True(fragmented.ExitCode == 0 && fragmented.Sha256 == Blob.Sha256(3_000_000, 65), $"fragmented: curl exit {fragmented.ExitCode}: {fragmented.Error}\n{Logs(mesh)}");

        relay.Fault = FaultyTcpRelay.TcpFault.Delay;
        relay.Delay = TimeSpan.FromMilliseconds(40);
        var delayed = await Curl.DownloadAsync(mesh.Originator.ProxyUri, fixture.HttpUrl("/blob/2000000/66"));
        Assert.True(delayed.ExitCode == 0 && delayed.Sha256 == Blob.Sha256(2_000_000, 66), $"delayed: curl exit {delayed.ExitCode}: {delayed.Error}\n{Logs(mesh)}");

        // A server that answers only after several probe timeouts: the exit echoes the probes, so the stream lives.
        relay.Fault = FaultyTcpRelay.TcpFault.None;
        using var server = new TcpListener(IPAddress.Parse("127.0.0.202"), 0);
        server.Start();
        int port = ((IPEndPoint)server.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using var accepted = await server.AcceptTcpClientAsync();
            var stream = accepted.GetStream();
            byte[] buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer);
            await Task.Delay(TimeSpan.FromSeconds(12));
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nslept"));
        });
        using var client = fixture.ClientThrough(mesh.Originator.ProxyUri);
        string answer = await client.GetStringAsync($"http://127.0.0.202:{port}/slow");
        await serving;
        Assert.Equal("slept", answer);
        Assert.DoesNotContain(mesh.Originator.Logs.Entries, e => e.EventId == DataPathEventIds.RouteDead);
    }

    private static Task<TestMesh> StartMeshAsync() =>
        TestMesh.StartAsync(4, [([0, 1, 2, 3], [3, 2, 1, 0])], (_, spec) => spec with { DnsServers = [DataPathFixture.GoodDnsAddress] }, firstAddress: 40);

    /// <summary>Puts a relay in front of Node <paramref name="index"/>: every Node now sends to it through the relay.</summary>
    private static FaultyTcpRelay Intercept(TestMesh mesh, int index)
    {
        var node = mesh.Nodes[index].Spec;
        var relay = FaultyTcpRelay.Start(new IPEndPoint(node.Ip, 0), node.ClandestineEndpoint);
        mesh.Directory.Add(new RouteNode(node.Main.PublicKey, relay.Endpoint, node.EarningWallet, node.RatePack));
        return relay;
    }

    private static void Restore(TestMesh mesh, int index) => mesh.Directory.Add(mesh.Nodes[index].Describe());

    private static string Logs(TestMesh mesh) =>
        string.Join('\n', mesh.Nodes.SelectMany((n, i) => n.Logs.Entries.TakeLast(15).Select(e => $"[{i}] {e.EventId} {e.Message}")));
}
