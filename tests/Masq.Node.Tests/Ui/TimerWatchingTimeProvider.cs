using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Ui;

/// <summary>
/// A fake clock that reports the first timer created on it and its period, so that a test moves time only once a
/// service running on its own task has armed its timer.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly TaskCompletionSource<TimeSpan> _firstTimer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the period of the first timer created.</summary>
    public Task<TimeSpan> FirstTimerPeriod => _firstTimer.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _firstTimer.TrySetResult(period);
        return timer;
    }
}
