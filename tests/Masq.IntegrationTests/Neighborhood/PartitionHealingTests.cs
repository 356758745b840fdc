using System.Diagnostics;
using Masq.IntegrationTests.DataPath;
using Masq.Lib.Ui.Messages;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// A mesh with one bridge: a mainland (M1–M3 and Z) and an island (P, Q and the originator) joined only by X. P's
/// initial neighbor is Z, which was down when P started (Z ran once to have its key and address, was killed, and comes
/// back later with the same data), so P knows where a mainland Node lives without a link to it. X debuts to P while P is
/// still alone (no Introduction to the mainland), so the island reaches the mainland only through X.
/// </summary>
public sealed class PartitionMeshFixture : MeshEnvironment
{
    internal MeshMember Bridge { get; private set; } = null!;

    internal MeshMember Originator { get; private set; } = null!;

    internal IReadOnlyList<MeshMember> Island { get; private set; } = [];

    internal IReadOnlyList<MeshMember> Mainland { get; private set; } = [];

    protected override async Task StartNodesAsync()
    {
        var m1 = await Mesh.StartNodeAsync(MeshNodeOptions.Standard, "m1");
        var m2 = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(m1), "m2");
        var m3 = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(m1, m2), "m3");
        var z = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(m1), "z");
        await z.KillAsync();

        var p = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(z), "p");
        var x = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(p, m3), "x");
        var q = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(p), "q");
        var originator = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(p, q), "originator");
        await z.RestartAsync(MeshNodeOptions.DebutTo(m1));

        Bridge = x;
        Originator = originator;
        Island = [p, q, originator];
        Mainland = [m1, m2, m3, z];
    }
}

/// <summary>
/// Issue 14: "When an exit dies in a small mesh, the remaining Nodes re-form enough links to route again." Killing the
/// only Node between two parts of a mesh leaves the originator's part with too few Nodes for a 3-hop route; the Nodes of
/// that part must debut again to Nodes of the other part they know an address of, and the originator must route again.
/// The seconds from the kill to the next good download are printed, not asserted.
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class PartitionHealingTests(PartitionMeshFixture fixture, ITestOutputHelper output) : IClassFixture<PartitionMeshFixture>
{
    /// <summary>How long the parts may take to join again (a failure guard, not a measurement).</summary>
    private static readonly TimeSpan HealingTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Killing_the_only_bridge_between_two_parts_of_the_mesh_joins_them_again_and_the_originator_routes()
    {
        var mesh = fixture.Mesh;
        var originator = fixture.Originator;
        await mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);
        await fixture.AssertDownloadsIntactAsync(originator, 200_000, 71);

        // The premise: every full link from the island to the mainland goes through the bridge.
        var graph = await fixture.Bridge.GraphAsync();
        var islandIds = fixture.Island.Select(graph.IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var mainlandIds = fixture.Mainland.Select(graph.IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var crossing = islandIds.SelectMany(id => graph.FullNeighborsOf(id).Where(mainlandIds.Contains).Select(other => (id, other))).ToList();
        Assert.True(
            islandIds.Count == 3 && crossing.Count == 0,
            $"the island should reach the mainland only through the bridge; the bridge sees island {islandIds.Count}/3 and links {string.Join(", ", crossing)}:\n{graph.Dot}");

        await fixture.Bridge.KillAsync();
        var sinceKill = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + HealingTimeout;
        (int ExitCode, string Sha256, long Length, string Error) next;
        int attempts = 0;
        while (true)
        {
            attempts++;
            next = await Curl.DownloadAsync(originator.ProxyUri, fixture.BlobUrl(200_000, 72));
            if ((next.ExitCode == 0 && next.Sha256 == DataPath.Harness.Blob.Sha256(200_000, 72)) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        output.WriteLine($"bridge x killed: next good request after {sinceKill.Elapsed.TotalSeconds:0.0} s ({attempts} attempt(s))");
        output.WriteLine(mesh.Report(lines: 12));
        Assert.True(
            next.ExitCode == 0 && next.Sha256 == DataPath.Harness.Blob.Sha256(200_000, 72),
            $"no request succeeded within {HealingTimeout.TotalSeconds:0} s after the bridge was killed (last: curl exit {next.ExitCode}, {next.Length} bytes): {next.Error}\noriginator's graph:\n{(await originator.GraphAsync()).Dot}\n{mesh.Report()}");

        // The island joined the mainland by a new full link of its own.
        var healed = await originator.GraphAsync();
        var healedIsland = fixture.Island.Select(healed.IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var healedMainland = fixture.Mainland.Select(healed.IdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Contains(healedIsland, id => healed.FullNeighborsOf(id).Any(healedMainland.Contains));
    }
}
