using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// Six standard Nodes: the first alone, the other five debut to it; then an originator with a consuming wallet debuts
/// to the last one (neighborhood.md §9 data_routing). Nothing is told about routes: the originator learns the network
/// from gossip and picks its routes itself.
/// </summary>
public sealed class SixNodeMeshFixture : MeshEnvironment
{
    internal IReadOnlyList<MeshMember> Relays { get; private set; } = [];

    internal MeshMember Originator { get; private set; } = null!;

    protected override async Task StartNodesAsync()
    {
        var first = await Mesh.StartNodeAsync(MeshNodeOptions.Standard, "relay-0");
        var others = await Mesh.StartNodesAsync(5, MeshNodeOptions.DebutTo(first), "relay-debuting-to-0-#");
        Relays = [first, .. others];
        Originator = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(others[^1]), "originator");
    }
}

[Collection(MeshCollection.Name)]
public sealed class MeshRoutingTests(SixNodeMeshFixture fixture) : IClassFixture<SixNodeMeshFixture>
{
    private const int MaxDegree = 5;

    [Fact]
    public async Task Mesh_from_descriptors_routes_3_hop()
    {
        var originator = fixture.Originator;
        await fixture.Mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);

        await fixture.AssertDownloadsIntactAsync(originator, 1024 * 1024, 41);

        var graph = await originator.GraphAsync();
        Assert.True(graph.Records.Count >= 4, $"the originator's graph shows {graph.Records.Count} Nodes:\n{graph}");
        Assert.NotNull(graph.IdOf(originator));
        Assert.Equal(graph.IdOf(originator), graph.Root);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Data_is_routed_at_min_hops(int minHops)
    {
        // A fresh originator joins the settled mesh with this min-hops from its command line.
        var relay = fixture.Relays[1 + minHops];
        var originator = await fixture.Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(relay) with { MinHops = minHops }, $"originator-min-hops-{minHops}");
        await fixture.Mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);

        await fixture.AssertDownloadsIntactAsync(originator, 300_000, 40 + minHops);
    }

    [Fact]
    public async Task Exit_location_for_a_country_no_Node_is_in_is_refused()
    {
        // Loopback addresses lie in no country, so no Node of the mesh declares one (neighborhood.md §5: when every
        // requested country is missing the answer is error 0x8000000000000008, and the preferences stay as they were).
        var member = fixture.Relays[0];
        await fixture.Mesh.WaitForStageAsync(member, UiConnectionStage.ConnectedToNeighbor, MeshEnvironment.RouteTimeout);

        var error = await Assert.ThrowsAsync<UiCallException>(() => fixture.Mesh.ExitLocationAsync(
            member, new UiExitLocationRequest(false, [new UiCountryGroup(["DE"], 1)], ShowCountries: true)));

        Assert.Equal(UiErrorCodes.ExitCountryMissingCountries, error.Code);
    }

    [Fact]
    public async Task Graph_connects_but_does_not_over_connect()
    {
        // Settled: every Node has a full neighbor and together they form one network (or the guard runs out).
        var deadline = DateTime.UtcNow + MeshEnvironment.RouteTimeout;
        Dictionary<MeshMember, IReadOnlyList<MeshMember>> neighbors;
        Dictionary<MeshMember, MeshGraph> graphs;
        while (true)
        {
            (graphs, neighbors) = await FullNeighborsAsync();
            if ((neighbors.Values.All(n => n.Count >= 1) && Connected(neighbors)) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        string Describe() => string.Join("\n", neighbors.Select(n => $"{n.Key.Name}: {string.Join(", ", n.Value.Select(m => m.Name))}"))
            + "\n" + string.Join("\n", graphs.Select(g => $"--- graph of {g.Key.Name}\n{g.Value}"));

        foreach (var (member, full) in neighbors)
        {
            Assert.True(full.Count is >= 1 and <= MaxDegree, $"{member.Name} has {full.Count} full neighbors:\n{Describe()}\n{fixture.Mesh.Report()}");
        }

        Assert.True(Connected(neighbors), $"the Nodes do not form one network:\n{Describe()}\n{fixture.Mesh.Report()}");
    }

    /// <summary>Each running member's full neighbors, as its own graph shows them (links to unknown keys left out).</summary>
    private async Task<(Dictionary<MeshMember, MeshGraph>, Dictionary<MeshMember, IReadOnlyList<MeshMember>>)> FullNeighborsAsync()
    {
        var members = fixture.Mesh.Running;
        var graphs = new Dictionary<MeshMember, MeshGraph>();
        var neighbors = new Dictionary<MeshMember, IReadOnlyList<MeshMember>>();
        foreach (var member in members)
        {
            var graph = await member.GraphAsync();
            graphs[member] = graph;
            var root = graph.Root ?? graph.IdOf(member);
            neighbors[member] = root is null
                ? []
                : [.. graph.FullNeighborsOf(root).Select(id => MeshGraph.MemberOf(id, members)).OfType<MeshMember>()];
        }

        return (graphs, neighbors);
    }

    private static bool Connected(Dictionary<MeshMember, IReadOnlyList<MeshMember>> neighbors)
    {
        if (neighbors.Count == 0)
        {
            return false;
        }

        // Links as either end reports them: gossip may not have reached the other end's view yet.
        var links = neighbors.Keys.ToDictionary(m => m, _ => new HashSet<MeshMember>());
        foreach (var (member, full) in neighbors)
        {
            foreach (var other in full.Where(links.ContainsKey))
            {
                links[member].Add(other);
                links[other].Add(member);
            }
        }

        var seen = new HashSet<MeshMember> { neighbors.Keys.First() };
        var queue = new Queue<MeshMember>(seen);
        while (queue.TryDequeue(out var next))
        {
            foreach (var other in links[next].Where(seen.Add))
            {
                queue.Enqueue(other);
            }
        }

        return seen.Count == neighbors.Count;
    }
}
