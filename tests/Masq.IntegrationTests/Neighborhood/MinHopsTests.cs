using System.Net;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>neighborhood.md §5 and §9 min_hops_can_be_changed_during_runtime: min-hops set through the UI takes effect at once.</summary>
[Collection(MeshCollection.Name)]
public sealed class MinHopsTests(MeshEnvironment environment) : IClassFixture<MeshEnvironment>
{
    [Fact]
    public async Task Min_hops_can_be_changed_during_runtime()
    {
        var mesh = environment.Mesh;
        var exit = await mesh.StartNodeAsync(MeshNodeOptions.Standard, "runtime-exit");
        var originator = await mesh.StartNodeAsync(MeshNodeOptions.DebutTo(exit) with { MinHops = 1 }, "runtime-originator");
        await mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);

        // Two Nodes: a 1-hop route (originator → exit → originator) carries the download.
        await environment.AssertDownloadsIntactAsync(originator, 200_000, 51);

        await originator.SetMinHopsAsync(2);

        // Two Nodes cannot make a 2-hop route: the next request (a new stream, so a new route query) gets the page.
        var (status, body) = await MeshEnvironment.GetOnceAsync(originator, environment.BlobUrl(1000, 52));
        Assert.True(
            status == HttpStatusCode.ServiceUnavailable && body.Contains($"Can't find a route to {MeshEnvironment.Host}", StringComparison.Ordinal),
            $"after min-hops 2 the request got {(int)status}:\n{body}\n{mesh.Report()}");
    }
}
