using System.Net;
using Masq.Lib.Ui.Messages;
using Masq.Node.Neighborhood;

namespace Masq.Node.Tests.Neighborhood.Progress;

public sealed class ConnectionProgressTests
{
    private static readonly IPAddress First = IPAddress.Parse("127.0.1.1");
    private static readonly IPAddress Second = IPAddress.Parse("127.0.1.2");

    [Fact]
    public void A_neighbor_goes_from_stage_zero_through_tcp_to_neighborship_and_the_node_to_connected()
    {
        var progress = new ConnectionProgress();
        var stages = new List<UiConnectionStage>();
        progress.Changed += stages.Add;
        progress.Track(First);

        Assert.True(progress.TcpConnected(First));
        Assert.Equal(NeighborStage.TcpConnectionEstablished, progress.Get(First)!.Stage);
        Assert.True(progress.NeighborshipEstablished(First));

        Assert.Equal(NeighborStage.NeighborshipEstablished, progress.Get(First)!.Stage);
        Assert.Equal(UiConnectionStage.ConnectedToNeighbor, progress.Stage);
        Assert.Equal([UiConnectionStage.ConnectedToNeighbor], stages);
        Assert.False(progress.AnyPending);
    }

    [Fact]
    public void Stages_only_advance_one_step_and_a_late_timeout_does_not_undo_a_neighborship()
    {
        var progress = new ConnectionProgress();
        progress.Track(First);

        Assert.False(progress.NoGossipResponse(First));
        progress.TcpConnected(First);
        Assert.False(progress.TcpConnected(First));
        progress.NeighborshipEstablished(First);

        Assert.False(progress.NoGossipResponse(First));
        Assert.False(progress.TcpFailed(First));
        Assert.Equal(NeighborStage.NeighborshipEstablished, progress.Get(First)!.Stage);
    }

    [Fact]
    public void Silence_after_connecting_fails_the_neighbor_with_its_reason()
    {
        var progress = new ConnectionProgress();
        progress.Track(First);
        progress.TcpConnected(First);

        Assert.True(progress.NoGossipResponse(First));

        Assert.Equal(new NeighborProgress(First, NeighborStage.Failed, NeighborFailure.NoGossipResponseReceived), progress.Get(First));
        Assert.Equal(UiConnectionStage.NotConnected, progress.Stage);
    }

    [Fact]
    public void A_pass_moves_the_entry_to_the_new_ip_unless_another_entry_has_it()
    {
        var progress = new ConnectionProgress();
        progress.Track(First);
        progress.Track(Second);
        progress.TcpConnected(First);
        var third = IPAddress.Parse("127.0.1.3");

        Assert.False(progress.Passed(First, Second));
        Assert.True(progress.Passed(First, third));

        Assert.False(progress.IsTracked(First));
        Assert.Equal(NeighborStage.StageZero, progress.Get(third)!.Stage);
    }

    [Fact]
    public void Untracked_ips_change_nothing()
    {
        var progress = new ConnectionProgress();

        Assert.False(progress.TcpConnected(First));
        Assert.False(progress.NeighborshipEstablished(First));
        Assert.Equal(UiConnectionStage.NotConnected, progress.Stage);
    }

    [Fact]
    public void A_route_lost_to_a_min_hops_change_drops_route_found_to_connected_only()
    {
        var progress = new ConnectionProgress();
        progress.RouteLost();
        Assert.Equal(UiConnectionStage.NotConnected, progress.Stage);

        progress.Advance(UiConnectionStage.RouteFound);
        progress.RouteLost();

        Assert.Equal(UiConnectionStage.ConnectedToNeighbor, progress.Stage);
    }

    [Fact]
    public void Forgetting_the_last_initial_neighbor_says_none_is_left()
    {
        var progress = new ConnectionProgress();
        progress.Track(First);
        progress.Track(Second);

        Assert.True(progress.Forget(First));
        Assert.False(progress.Forget(Second));
    }
}
