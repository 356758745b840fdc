using System.Diagnostics;
using Masq.IntegrationTests.DataPath;
using Masq.Lib.Ui.Messages;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// Seven standard Nodes as <c>masq localnet up 7</c> links them (each debuts to the first and to the one before it),
/// and an originator that debuts to the last two, at min-hops 3.
/// </summary>
public sealed class FailoverMeshFixture : MeshEnvironment
{
    internal IReadOnlyList<MeshMember> Relays { get; private set; } = [];

    internal MeshMember Originator { get; private set; } = null!;

    protected override async Task StartNodesAsync()
    {
        var first = await Mesh.StartNodeAsync(MeshNodeOptions.Standard, "node-1");
        var relays = new List<MeshMember> { first, await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(first), "node-2") };
        for (int i = 3; i <= 7; i++)
        {
            relays.Add(await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(first, relays[^1]), $"node-{i}"));
        }

        Relays = relays;
        Originator = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(relays[^1], relays[^2]), "originator");
    }
}

/// <summary>
/// Failover: a relay, then an exit, SIGKILLed in the middle of a real download through real Node processes. The browser
/// (curl) must not wait for the 5-minute idle timeout (curl's own 120 s limit, exit code 28, would show it did), and a
/// new request must succeed again through a route without the dead Node. Seconds
/// from each kill are printed, not asserted.
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class FailoverTests(FailoverMeshFixture fixture, ITestOutputHelper output) : IClassFixture<FailoverMeshFixture>
{
    private const int CurlTimedOut = 28;

    /// <summary>Far more than a download can carry within curl's 120 s on this machine: it can only end by failing.</summary>
    private const long Endless = 64L * 1024 * 1024 * 1024;

    /// <summary>How long the mesh may take to route again after a Node died (a failure guard, not a measurement).</summary>
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Killing_a_relay_and_then_an_exit_mid_download_ends_the_download_and_the_next_request_takes_another_route()
    {
        var mesh = fixture.Mesh;
        var originator = fixture.Originator;
        await mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);
        await fixture.AssertDownloadsIntactAsync(originator, 300_000, 91);

        await KillDuringDownloadAsync("relay", 92, stats => stats.Routed.BytesOut);
        await KillDuringDownloadAsync("exit", 93, stats => stats.Exit.BytesIn);
    }

    /// <summary>
    /// Starts an endless download, finds the Node of the running route whose <paramref name="counter"/> grows, kills it,
    /// and checks that the download ends and that a new download succeeds.
    /// </summary>
    private async Task KillDuringDownloadAsync(string role, int seed, Func<UiTrafficStatsBroadcast, ulong> counter)
    {
        var mesh = fixture.Mesh;
        var originator = fixture.Originator;
        var candidates = fixture.Relays.Where(r => r.IsRunning).ToList();
        var watches = new List<TrafficWatch>();
        foreach (var candidate in candidates)
        {
            watches.Add(await TrafficWatch.StartAsync(candidate));
        }

        try
        {
            var before = new Dictionary<MeshMember, ulong>();
            foreach (var watch in watches)
            {
                before[watch.Member] = counter(await watch.FreshAsync(Context));
            }

            var download = Curl.DownloadAsync(originator.ProxyUri, fixture.BlobUrl(Endless, seed));

            // The first Node whose counter moves by 4 MiB carries the download in that role.
            MeshMember? victim = null;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (victim is null && DateTime.UtcNow < deadline && !download.IsCompleted)
            {
                victim = watches.FirstOrDefault(w => w.Latest is { } stats && counter(stats) >= before[w.Member] + 4 * 1024 * 1024)?.Member;
                await Task.Delay(200);
            }

            Assert.True(victim is not null, $"no {role} of the download was found:\n{Context()}");
            await victim.KillAsync();
            var sinceKill = Stopwatch.StartNew();
            var result = await download;
            var ended = sinceKill.Elapsed;
            Assert.True(
                result.ExitCode is not 0 and not CurlTimedOut && result.Length < Endless,
                $"after the {role} {victim.Name} was killed, curl ended with exit {result.ExitCode} after {result.Length} bytes: {result.Error}\n{Context()}");

            // The next request: a new stream, a new route without the dead Node (tried until the mesh routes again).
            var recoveryDeadline = DateTime.UtcNow + RecoveryTimeout;
            (int ExitCode, string Sha256, long Length, string Error) next;
            int attempts = 0;
            while (true)
            {
                attempts++;
                next = await Curl.DownloadAsync(originator.ProxyUri, fixture.BlobUrl(300_000, seed + 100));
                if ((next.ExitCode == 0 && next.Sha256 == DataPath.Harness.Blob.Sha256(300_000, seed + 100)) || DateTime.UtcNow > recoveryDeadline)
                {
                    break;
                }

                await Task.Delay(500);
            }

            output.WriteLine($"{role} {victim.Name} killed: curl ended after {ended.TotalSeconds:0.0} s (exit {next.ExitCode}); next good request after {sinceKill.Elapsed.TotalSeconds:0.0} s ({attempts} attempt(s))");
            bool recovered = next.ExitCode == 0 && next.Sha256 == DataPath.Harness.Blob.Sha256(300_000, seed + 100);
            if (!recovered)
            {
                // What the originator believes of the mesh, and who is who in it, first: the logs are cut to their ends.
                output.WriteLine(await GraphsAsync());
            }

            Assert.True(
                recovered,
                $"no request succeeded within {RecoveryTimeout.TotalSeconds:0} s after the {role} {victim.Name} was killed (last: curl exit {next.ExitCode}, {next.Length} bytes): {next.Error}\n{await GraphsAsync()}\n{Context()}");

            // Not asserted: that the dead Node leaves the originator's whole graph. Its neighbors drop it (they see
            // their link close, or probe it when another Node stops listing it) and the originator's routes avoid it,
            // but a stale record of a Node beyond the originator's gossip horizon (patch) is never refreshed there, so
            // a full link between two far Nodes can linger in the originator's database.
        }
        finally
        {
            foreach (var watch in watches)
            {
                await watch.DisposeAsync();
            }
        }
    }

    private string Context() => fixture.Mesh.Report();

    /// <summary>The originator's neighborhood graph (DOT) and the names of the Nodes' keys, for failure messages.</summary>
    private async Task<string> GraphsAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var member in fixture.Mesh.Members)
        {
            text.Append(member.Name).Append(": ").Append(member.Descriptor).Append(member.IsRunning ? string.Empty : " (killed)").Append('\n');
        }

        try
        {
            text.Append("originator's graph:\n").Append((await fixture.Originator.GraphAsync()).Dot);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
        {
            text.Append("originator's graph: ").Append(e.Message);
        }

        return text.ToString();
    }
}
