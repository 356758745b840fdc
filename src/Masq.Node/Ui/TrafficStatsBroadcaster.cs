using Masq.Daemon.Ui;
using Masq.Lib.Ui;
using Microsoft.Extensions.Hosting;
using Masq.Node.DataPath;

namespace Masq.Node.Ui;

/// <summary>
/// Broadcasts <c>trafficStats</c> once a second while the counters change, and every few seconds when idle so that
/// a client that just connected learns the figures soon.
/// </summary>
internal sealed class TrafficStatsBroadcaster(TrafficCounters counters, IUiOutbound outbound, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private const int IdleTicksBetweenBroadcasts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        var last = counters.Snapshot();
        var idleTicks = IdleTicksBetweenBroadcasts;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = counters.Snapshot();
                if (now != last || ++idleTicks >= IdleTicksBetweenBroadcasts)
                {
                    last = now;
                    idleTicks = 0;
                    await outbound.BroadcastAsync(UiEnvelope.From(now)).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
