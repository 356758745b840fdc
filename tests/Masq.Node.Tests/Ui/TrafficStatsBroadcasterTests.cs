using Masq.Lib.Ui.Messages;
using Masq.Node.Ui;
using Microsoft.Extensions.Time.Testing;
using Masq.Node.DataPath;

namespace Masq.Node.Tests.Ui;

public sealed class TrafficStatsBroadcasterTests
{
    [Fact]
    public async Task Changes_are_broadcast_each_second_and_idle_figures_every_five()
    {
        var time = new FakeTimeProvider();
        var counters = new TrafficCounters();
        var outbound = new RecordingUiOutbound();
        using var broadcaster = new TrafficStatsBroadcaster(counters, outbound, time);
        await broadcaster.StartAsync(CancellationToken.None);
        await Task.Delay(200); // ExecuteAsync runs on its own task and must create its timer before time moves

        counters.AddConsumed(fromBrowser: 100, toBrowser: 5000);
        await AdvanceAsync(time, 1);
        var first = Assert.Single(outbound.Sent).Message.GetPayload<UiTrafficStatsBroadcast>();
        Assert.Equal(new UiTrafficCounters(5000, 100), first.Consumed);

        await AdvanceAsync(time, 4);
        Assert.Single(outbound.Sent); // idle: nothing new yet
        await AdvanceAsync(time, 1);
        Assert.Equal(2, outbound.Sent.Count); // the idle refresh for clients that connected meanwhile

        counters.AddRouted(received: 10, sent: 12);
        counters.AddExit(toServer: 7, fromServer: 9);
        await AdvanceAsync(time, 1);
        var latest = outbound.Sent[^1].Message.GetPayload<UiTrafficStatsBroadcast>();
        Assert.Equal(new UiTrafficCounters(10, 12), latest.Routed);
        Assert.Equal(new UiTrafficCounters(9, 7), latest.Exit);

        await broadcaster.StopAsync(CancellationToken.None);
    }

    private static async Task AdvanceAsync(FakeTimeProvider time, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }
}
