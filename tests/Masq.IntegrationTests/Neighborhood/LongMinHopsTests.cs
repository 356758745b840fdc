using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// neighborhood.md §9 data_can_be_routed_using_different_min_hops at 6 hops: min_hops + 3 = 9 standard Nodes besides the
/// originator, all with min-hops 6 (so every database keeps records 6 hops out). The longest test of the folder.
/// </summary>
[Collection(MeshCollection.Name)]
[Trait("Category", "Long")]
public sealed class LongMinHopsTests(MeshEnvironment environment) : IClassFixture<MeshEnvironment>
{
    [Fact]
    public async Task Data_is_routed_at_min_hops_6()
    {
        var mesh = environment.Mesh;
        var options = MeshNodeOptions.Standard with { MinHops = 6 };
        var first = await mesh.StartNodeAsync(options, "six-relay-0");
        var others = await mesh.StartNodesAsync(8, options with { Neighbors = [first.Descriptor] }, "six-relay-debuting-to-0-#");
        var originator = await mesh.StartNodeAsync(options with { Neighbors = [others[^1].Descriptor] }, "six-originator");

        await mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, TimeSpan.FromSeconds(120));
        await environment.AssertDownloadsIntactAsync(originator, 300_000, 66);
    }
}
