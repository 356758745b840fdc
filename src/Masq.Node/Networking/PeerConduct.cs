using System.Net;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;

namespace Masq.Node.Networking;

/// <summary>
/// How each peer (a clandestine link's remote socket address: all a stranger can prove) behaves. Keeps the log quiet
/// under attack: the first bad package of a peer in each <see cref="DataPathOptions.MisbehaviourLogInterval"/> is
/// logged in full by the caller, the rest only counted and summed up in one line ("… sent 19,998 more bad packages in
/// the last 60 s"). A peer that sends <see cref="DataPathOptions.MaxBadPackages"/> bad packages is cut off (its link
/// closed through <see cref="CutOff"/>) and treated as a malefactor for <see cref="DataPathOptions.MalefactorBanTime"/>:
/// its socket address, not its whole IP, so other Nodes and users behind the same address are not punished.
/// Thread-safe; bounded (the oldest records go when full).
/// </summary>
internal sealed partial class PeerConduct
{
    private const int Capacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<IPEndPoint, PeerRecord> _peers = [];
    private readonly Dictionary<IPEndPoint, DateTimeOffset> _malefactors = [];
    private readonly DataPathOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PeerConduct> _logger;
    private volatile int _malefactorCount;

    public PeerConduct(DataPathOptions options, TimeProvider time, ILogger<PeerConduct> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>A peer sent so many bad packages that its link should close (the ClandestinePool closes it).</summary>
    public event Action<IPEndPoint>? CutOff;

    /// <summary>
    /// Records one bad package (or event) from <paramref name="source"/>; true when the caller should log it in full
    /// (the first of the peer's interval, or this Node itself). <paramref name="strike"/>: whether it counts towards
    /// cutting the peer off (a protocol violation, not a policy refusal such as a banned wallet).
    /// </summary>
    public bool Report(IPEndPoint? source, bool strike = true)
    {
        if (source is null)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        bool log;
        bool cut = false;
        long summary = 0;
        TimeSpan summaryPeriod = default;
        int strikes = 0;
        lock (_lock)
        {
            if (!_peers.TryGetValue(source, out var record))
            {
                if (_peers.Count >= Capacity)
                {
                    Evict(now);
                }

                record = new PeerRecord { WindowStart = now };
                _peers[source] = record;
                log = true;
            }
            else if (now - record.WindowStart >= _options.MisbehaviourLogInterval)
            {
                summary = record.Suppressed;
                summaryPeriod = now - record.WindowStart;
                record.WindowStart = now;
                record.Suppressed = 0;
                log = true;
            }
            else
            {
                record.Suppressed++;
                log = false;
            }

            if (strike && !record.CutOff && ++record.Strikes >= _options.MaxBadPackages)
            {
                record.CutOff = true;
                cut = true;
                strikes = record.Strikes;
                _malefactors[source] = now + _options.MalefactorBanTime;
                _malefactorCount = _malefactors.Count;
            }
        }

        if (summary > 0)
        {
            LogSuppressed(source, summary, (int)summaryPeriod.TotalSeconds);
        }

        if (cut)
        {
            LogCutOff(source, strikes, _options.MalefactorBanTime.TotalMinutes);
            CutOff?.Invoke(source);
        }

        return log;
    }

    /// <summary>Whether <paramref name="source"/> was cut off and its ban has not expired.</summary>
    public bool IsMalefactor(IPEndPoint? source)
    {
        // Every package asks: no lock while nobody is banned.
        if (source is null || _malefactorCount == 0)
        {
            return false;
        }

        lock (_lock)
        {
            if (!_malefactors.TryGetValue(source, out var until))
            {
                return false;
            }

            if (until > _time.GetUtcNow())
            {
                return true;
            }

            _malefactors.Remove(source);
            _malefactorCount = _malefactors.Count;
            return false;
        }
    }

    /// <summary>The peer's link closed: writes the count of what was not logged yet, and forgets it (not its ban).</summary>
    public void Closed(IPEndPoint source)
    {
        long summary;
        TimeSpan period;
        lock (_lock)
        {
            if (!_peers.Remove(source, out var record))
            {
                return;
            }

            summary = record.Suppressed;
            period = _time.GetUtcNow() - record.WindowStart;
        }

        if (summary > 0)
        {
            LogSuppressed(source, summary, Math.Max(1, (int)Math.Ceiling(period.TotalSeconds)));
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var expired in _malefactors.Where(p => p.Value <= now).Select(p => p.Key).ToList())
        {
            _malefactors.Remove(expired);
        }

        if (_malefactors.Count >= Capacity)
        {
            _malefactors.Remove(_malefactors.MinBy(p => p.Value).Key);
        }

        _malefactorCount = _malefactors.Count;

        _peers.Remove(_peers.MinBy(p => p.Value.WindowStart).Key);
    }

    [LoggerMessage(EventId = DataPathEventIds.MisbehaviourSummary, Level = LogLevel.Warning, Message = "{Source} sent {Count:N0} more bad packages in the last {Seconds} s")]
    private partial void LogSuppressed(IPEndPoint source, long count, int seconds);

    [LoggerMessage(EventId = DataPathEventIds.PeerCutOff, Level = LogLevel.Warning, Message = "Cut off {Source} after {Strikes} bad packages; it is a malefactor for {Minutes} minutes")]
    private partial void LogCutOff(IPEndPoint source, int strikes, double minutes);

    private sealed class PeerRecord
    {
        public DateTimeOffset WindowStart { get; set; }

        public long Suppressed { get; set; }

        public int Strikes { get; set; }

        public bool CutOff { get; set; }
    }
}
