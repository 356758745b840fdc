using System.Threading.Channels;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// neighborhood.md §6 and §9 connection_progress_is_properly_broadcast / _can_be_requested: the UI hears
/// connectionChange as a Node joins a network, and a Node alone says it is not connected.
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class ConnectionProgressTests(MeshEnvironment environment) : IClassFixture<MeshEnvironment>
{
    [Fact]
    public async Task A_lone_Node_reports_NotConnected()
    {
        var lone = await environment.Mesh.StartNodeAsync(MeshNodeOptions.Standard, "lone");

        Assert.Equal(UiConnectionStage.NotConnected, await lone.ConnectionStatusAsync());
    }

    [Fact]
    public async Task Connection_progress_is_broadcast()
    {
        var mesh = environment.Mesh;
        // A network much too small for a 3-hop route: relay-1 debuts to relay-2, the subject to relay-1.
        var relay2 = await mesh.StartNodeAsync(MeshNodeOptions.Standard, "progress-relay-2");
        var relay1 = await mesh.StartNodeAsync(MeshNodeOptions.DebutTo(relay2), "progress-relay-1");
        var subject = await mesh.StartNodeAsync(MeshNodeOptions.DebutTo(relay1), "progress-subject");
        var changes = Channel.CreateUnbounded<UiConnectionStage>();
        await using var ui = await subject.ConnectUiAsync();
        ui.MessageReceived += envelope =>
        {
            if (envelope.Opcode == Opcodes.ConnectionChange && envelope.TryGetPayload<UiConnectionChangeBroadcast>(out var change, out _))
            {
                changes.Writer.TryWrite(change.Stage);
            }
        };

        // Enough Nodes join the network for the subject to find a route.
        await mesh.StartNodesAsync(4, MeshNodeOptions.DebutTo(relay2), "progress-extra-");

        // The first change the client sees may already be RouteFound when ConnectedToNeighbor came before it connected.
        var first = await NextAsync(changes, subject);
        if (first == UiConnectionStage.ConnectedToNeighbor)
        {
            Assert.Equal(UiConnectionStage.RouteFound, await NextAsync(changes, subject));
        }
        else
        {
            Assert.Equal(UiConnectionStage.RouteFound, first);
        }

        Assert.Equal(UiConnectionStage.RouteFound, await subject.ConnectionStatusAsync());
    }

    private async Task<UiConnectionStage> NextAsync(Channel<UiConnectionStage> changes, MeshMember subject)
    {
        using var guard = new CancellationTokenSource(MeshEnvironment.RouteTimeout);
        try
        {
            return await changes.Reader.ReadAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            var stage = await subject.ConnectionStatusAsync();
            Assert.Fail($"no connectionChange broadcast within {MeshEnvironment.RouteTimeout.TotalSeconds:0} s (connectionStatus says {stage}):\n{subject.Tail(80)}\n{environment.Mesh.Report(except: subject)}");
            throw;
        }
    }
}
