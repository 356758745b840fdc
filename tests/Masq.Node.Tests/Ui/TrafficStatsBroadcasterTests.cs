using Masq.Lib.Ui.Messages;
using Masq.Node.Ui;
using Microsoft.Extensions.Time.Testing;
using Masq.Node.DataPath;

namespace Masq.Node.Tests.Ui;

public sealed class TrafficStatsBroadcasterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Changes_are_broadcast_at_the_next_tick_and_idle_figures_every_fifth()
    {
        var counters = new TrafficCounters();
        var outbound = new RecordingUiOutbound();
        using var broadcaster = new TrafficStatsBroadcaster(counters, outbound, new FakeTimeProvider());

        counters.AddConsumed(fromBrowser: 100, toBrowser: 5000);
        await broadcaster.TickAsync();
        var first = Assert.Single(outbound.Sent).Message.GetPayload<UiTrafficStatsBroadcast>();
        Assert.Equal(new UiTrafficCounters(5000, 100), first.Consumed);

        for (var i = 0; i < 4; i++)
        {
            await broadcaster.TickAsync();
        }

        Assert.Single(outbound.Sent); // idle: nothing new yet
        await broadcaster.TickAsync();
        Assert.Equal(2, outbound.Sent.Count); // the idle refresh for clients that connected meanwhile

        counters.AddRouted(received: 10, sent: 12);
        counters.AddExit(toServer: 7, fromServer: 9);
        await broadcaster.TickAsync();
        var latest = outbound.Sent[^1].Message.GetPayload<UiTrafficStatsBroadcast>();
        Assert.Equal(3, outbound.Sent.Count);
        Assert.Equal(new UiTrafficCounters(10, 12), latest.Routed);
        Assert.Equal(new UiTrafficCounters(9, 7), latest.Exit);
    }

    [Fact]
    public async Task The_clock_ticks_it_once_a_second()
    {
        var time = new TimerWatchingTimeProvider();
        var counters = new TrafficCounters();
        var outbound = new RecordingUiOutbound();
        using var broadcaster = new TrafficStatsBroadcaster(counters, outbound, time);
        await broadcaster.StartAsync(CancellationToken.None);

        Assert.Equal(TrafficStatsBroadcaster.Interval, await time.FirstTimerPeriod.WaitAsync(Deadline));
        Assert.Equal(TimeSpan.FromSeconds(1), TrafficStatsBroadcaster.Interval);
        counters.AddConsumed(fromBrowser: 1, toBrowser: 2);
        time.Advance(TrafficStatsBroadcaster.Interval);

        var sent = await outbound.WaitForAsync(1, Deadline);
        Assert.Equal(new UiTrafficCounters(2, 1), sent[0].Message.GetPayload<UiTrafficStatsBroadcast>().Consumed);
        await broadcaster.StopAsync(CancellationToken.None);
    }
}
