namespace Masq.Node.EntryDns;

/// <summary>
/// One log line per interval for bad queries, however many arrive: every client of the entry DNS is a local process,
/// so there is no peer to tell apart or cut off (as PeerConduct does for clandestine links), only a log to keep quiet.
/// The first bad query of an interval is logged with the number left unlogged in the interval before it.
/// </summary>
internal sealed class EntryDnsQuietLog(TimeProvider time, TimeSpan interval)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private long _suppressed;

    /// <summary>Counts one bad query; true when it is to be logged, with how many went unlogged before it.</summary>
    public bool ShouldLog(out long suppressedBefore, out TimeSpan period)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            period = now - _windowStart;
            if (period < interval)
            {
                _suppressed++;
                suppressedBefore = 0;
                return false;
            }

            suppressedBefore = _suppressed;
            _suppressed = 0;
            _windowStart = now;
            return true;
        }
    }
}
