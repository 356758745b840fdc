using Masq.Daemon.Ui;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
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

    private UiTrafficStatsBroadcast _last = counters.Snapshot();
    private int _idleTicks = IdleTicksBetweenBroadcasts;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await TickAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One tick of the timer: broadcasts when the counters changed or when the idle refresh is due.</summary>
    internal async Task TickAsync()
    {
        var now = counters.Snapshot();
        if (now != _last || ++_idleTicks >= IdleTicksBetweenBroadcasts)
        {
            _last = now;
            _idleTicks = 0;
            await outbound.BroadcastAsync(UiEnvelope.From(now)).ConfigureAwait(false);
        }
    }
}
