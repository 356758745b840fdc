namespace Masq.Dashboard.Backend;

/// <summary>Exponential backoff for reconnecting to the Daemon: min, 2×min, 4×min… capped at max.</summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max)
{
    private int _failures;

    public TimeSpan Next()
    {
        var factor = Math.Pow(2, Math.Min(_failures, 30));
        _failures++;
        var delay = TimeSpan.FromTicks((long)Math.Min(min.Ticks * factor, max.Ticks));
        return delay;
    }

    public void Reset() => _failures = 0;
}
