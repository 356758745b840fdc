using Masq.Daemon.Ui;
using Masq.Lib.Ui;
using Microsoft.Extensions.Hosting;

namespace Masq.Node.Ui;

/// <summary>Broadcasts <c>trafficStats</c> once a second when the counters changed (silence when idle).</summary>
internal sealed class TrafficStatsBroadcaster(TrafficCounters counters, IUiOutbound outbound, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        var last = counters.Snapshot();
        await outbound.BroadcastAsync(UiEnvelope.From(last)).ConfigureAwait(false);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = counters.Snapshot();
                if (now != last)
                {
                    last = now;
                    await outbound.BroadcastAsync(UiEnvelope.From(now)).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
