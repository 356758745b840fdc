using Masq.Dashboard.State;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Dashboard.Tests.State;

public sealed class CallbackThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);

    [Fact]
    public void First_signal_runs_at_once()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var throttle = new CallbackThrottle(clock, Interval, () => { runs++; return Task.CompletedTask; });

        throttle.Signal();

        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_burst_gives_one_run_now_and_one_at_the_end_of_the_interval()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var throttle = new CallbackThrottle(clock, Interval, () => { runs++; return Task.CompletedTask; });

        for (var i = 0; i < 50; i++)
        {
            throttle.Signal();
        }
        Assert.Equal(1, runs);

        clock.Advance(TimeSpan.FromMilliseconds(149));
        Assert.Equal(1, runs);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, runs);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, runs);
    }

    [Fact]
    public void A_signal_after_a_quiet_interval_runs_at_once()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var throttle = new CallbackThrottle(clock, Interval, () => { runs++; return Task.CompletedTask; });

        throttle.Signal();
        clock.Advance(TimeSpan.FromMilliseconds(200));
        throttle.Signal();

        Assert.Equal(2, runs);
    }

    [Fact]
    public void Queued_run_is_dropped_when_disposed()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        var throttle = new CallbackThrottle(clock, Interval, () => { runs++; return Task.CompletedTask; });

        throttle.Signal();
        throttle.Signal();
        throttle.Dispose();
        clock.Advance(TimeSpan.FromSeconds(1));
        throttle.Signal();

        Assert.Equal(1, runs);
    }
}
