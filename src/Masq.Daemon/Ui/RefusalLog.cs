using Microsoft.Extensions.Logging;

namespace Masq.Daemon.Ui;

/// <summary>
/// Logs refused requests without letting a client flood the log: the first refusal of an interval is logged with
/// the count of those since the last line; the rest of the interval only counts.
/// </summary>
public sealed class RefusalLog(ILogger logger, TimeProvider time, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private long _suppressed;
    private DateTimeOffset _nextLineAt = DateTimeOffset.MinValue;

    public void Refused(string why)
    {
        long suppressed;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now < _nextLineAt)
            {
                _suppressed++;
                return;
            }
            suppressed = _suppressed;
            _suppressed = 0;
            _nextLineAt = now + interval;
        }
        if (suppressed > 0)
        {
            logger.LogWarning("Refused a UI request {Why} ({Suppressed} more refused since the last such line)", why, suppressed);
        }
        else
        {
            logger.LogWarning("Refused a UI request {Why}", why);
        }
    }
}
