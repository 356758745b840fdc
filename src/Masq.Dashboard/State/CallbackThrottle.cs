namespace Masq.Dashboard.State;

/// <summary>
/// Runs a callback at most once per interval, with at most one run queued: a burst of signals gives one run now and
/// one at the end of the interval (the Aspire dashboard's CallbackThrottler). Time comes from the injected clock.
/// </summary>
public sealed class CallbackThrottle : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Func<Task> _callback;
    private readonly ITimer _timer;
    private long _lastRun;
    private bool _hasRun;
    private bool _queued;
    private bool _disposed;

    public CallbackThrottle(TimeProvider time, TimeSpan interval, Func<Task> callback)
    {
        _time = time;
        _interval = interval;
        _callback = callback;
        _timer = time.CreateTimer(_ => RunQueued(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Something changed: run the callback now, or once when the interval ends.</summary>
    public void Signal()
    {
        lock (_gate)
        {
            if (_disposed || _queued)
            {
                return;
            }
            var now = _time.GetTimestamp();
            var elapsed = _hasRun ? _time.GetElapsedTime(_lastRun, now) : TimeSpan.MaxValue;
            if (elapsed < _interval)
            {
                _queued = true;
                _timer.Change(_interval - elapsed, Timeout.InfiniteTimeSpan);
                return;
            }
            _lastRun = now;
            _hasRun = true;
        }
        Run();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queued = false;
        }
        _timer.Dispose();
    }

    private void RunQueued()
    {
        lock (_gate)
        {
            if (_disposed || !_queued)
            {
                return;
            }
            _queued = false;
            _lastRun = _time.GetTimestamp();
            _hasRun = true;
        }
        Run();
    }

    private void Run() => _ = RunAsync();

    private async Task RunAsync()
    {
        try
        {
            await _callback();
        }
        catch (ObjectDisposedException)
        {
            // The component went away between the signal and the run.
        }
    }
}
