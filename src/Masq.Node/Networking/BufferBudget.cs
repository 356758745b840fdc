using System.Net;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;

namespace Masq.Node.Networking;

/// <summary>
/// The Node-wide budget for bytes held on behalf of connections (partial frames in a link's read buffer, packages queued
/// for a link) and streams (what a browser stream holds for its browser within its credit window, and the requests it
/// retains for another exit, at the originator; the requests an exit stream holds for its server), in the spirit of
/// Tor's MaxMemInQueues: each connection or stream charges its <see cref="BufferAccount"/> as its buffers grow and
/// shrink. A source address may hold at most <see cref="DataPathOptions.MaxBufferedBytesPerAddress"/> on its links
/// (streams are not held to that share: every local browser connection comes from the same loopback address) and the
/// Node at most <see cref="DataPathOptions.MaxBufferedBytes"/>; going over closes the hungriest connections or streams
/// first (of that address, or of the whole Node) until the charge is back under the limit. After a flood ends the
/// budget asks the runtime to give the freed memory back to the system (see <see cref="TrimIfIdle"/>).
/// </summary>
internal sealed partial class BufferBudget : IDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<BufferAccount> _accounts = [];
    private readonly Dictionary<IPAddress, long> _byAddress = [];
    private readonly long _limit;
    private readonly long _perAddress;
    private readonly ILogger<BufferBudget> _logger;
    private readonly ITimer _trimmer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _logInterval;
    private readonly Dictionary<IPAddress, (DateTimeOffset Since, int Suppressed)> _logged = [];
    private long _total;
    private long _peakSinceTrim;

    // Bytes of link buffers the connections closed over budget still hold until their links have ended.
    private long _closing;
    private long _closedOverBudget;

    public BufferBudget(DataPathOptions options, TimeProvider time, ILogger<BufferBudget> logger)
    {
        _limit = options.MaxBufferedBytes;
        _perAddress = options.MaxBufferedBytesPerAddress;
        _logger = logger;
        _time = time;
        Pool = new LinkBufferPool(options.MaxBufferedBytes, Grew);
        _logInterval = options.MisbehaviourLogInterval;
        _trimmer = time.CreateTimer(_ => TrimIfIdle(), null, options.MemoryTrimInterval, options.MemoryTrimInterval);
    }

    /// <summary>Where links get their read buffers (reused, so a flood does not churn the large object heap).</summary>
    public LinkBufferPool Pool { get; }

    /// <summary>Bytes currently charged by all connections.</summary>
    public long Total => Volatile.Read(ref _total);

    /// <summary>Connections closed so far for going over the budget or their address's share.</summary>
    public long ClosedOverBudget => Interlocked.Read(ref _closedOverBudget);

    /// <summary>An account for one connection from <paramref name="address"/>; <paramref name="close"/> is how the budget ends it.</summary>
    public BufferAccount Open(IPAddress address, Action close) => Open(address, close, sharesAddress: true);

    /// <summary>
    /// An account for one stream (for <paramref name="address"/>'s browser, or <see cref="IPAddress.None"/> at the exit),
    /// counted in the Node-wide budget but not in its address's share; <paramref name="close"/> ends the stream.
    /// </summary>
    public BufferAccount OpenStream(IPAddress address, Action close) => Open(address, close, sharesAddress: false);

    private BufferAccount Open(IPAddress address, Action close, bool sharesAddress)
    {
        var account = new BufferAccount(this, address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, close) { SharesAddress = sharesAddress };
        lock (_lock)
        {
            _accounts.Add(account);
        }

        return account;
    }

    public void Dispose()
    {
        _trimmer.Dispose();
        Pool.Dispose();
    }

    internal void Add(BufferAccount account, long delta)
    {
        List<BufferAccount>? victims = null;
        lock (_lock)
        {
            if (account.Closed || delta == 0)
            {
                return;
            }

            account.Charged += delta;
            _total += delta;
            long onAddress = account.SharesAddress ? AddToAddress(account.Address, delta) : 0;
            long held = Held();
            _peakSinceTrim = Math.Max(_peakSinceTrim, held);
            if (delta > 0 && onAddress > _perAddress)
            {
                victims = ChooseVictims(a => a.SharesAddress && a.Address.Equals(account.Address), onAddress - _perAddress);
                held = Held();
            }

            if (delta > 0 && held > _limit)
            {
                (victims ??= []).AddRange(ChooseVictims(_ => true, held - _limit));
            }
        }

        Close(victims);
    }

    private void Close(List<BufferAccount>? victims)
    {
        if (victims is null)
        {
            return;
        }

        foreach (var victim in victims.Distinct())
        {
            Interlocked.Increment(ref _closedOverBudget);
            if (ShouldLog(victim.Address, out int suppressed))
            {
                LogOverBudget(victim.Address, victim.LastCharge, _limit, _perAddress, suppressed);
            }

            victim.CloseConnection();
        }
    }

    /// <summary>A link buffer was handed out: past the Node-wide limit, the hungriest connections are closed at once.</summary>
    private void Grew()
    {
        List<BufferAccount>? victims = null;
        lock (_lock)
        {
            long held = Held();
            _peakSinceTrim = Math.Max(_peakSinceTrim, held);
            if (held > _limit)
            {
                victims = ChooseVictims(_ => true, held - _limit);
            }
        }

        Close(victims);
    }

    /// <summary>Once per address per interval, with the count of the closings not logged since.</summary>
    private bool ShouldLog(IPAddress address, out int suppressed)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_logged.TryGetValue(address, out var entry) && now - entry.Since < _logInterval)
            {
                _logged[address] = (entry.Since, entry.Suppressed + 1);
                suppressed = 0;
                return false;
            }

            if (_logged.Count >= 10_000)
            {
                _logged.Clear();
            }

            suppressed = entry.Suppressed;
            _logged[address] = (now, 0);
            return true;
        }
    }

    internal void Release(BufferAccount account)
    {
        lock (_lock)
        {
            if (!_accounts.Remove(account))
            {
                return;
            }

            if (!account.Closed)
            {
                Uncharge(account);
            }

            // A connection closed over budget has ended: its link buffers are back in the pool.
            _closing -= account.LastCharge;
        }
    }

    /// <summary>Hungriest first, until <paramref name="excess"/> bytes are uncharged; called under the lock.</summary>
    private List<BufferAccount> ChooseVictims(Func<BufferAccount, bool> filter, long excess)
    {
        var victims = new List<BufferAccount>();
        foreach (var candidate in _accounts.Where(a => !a.Closed && a.Charged > 0 && filter(a)).OrderByDescending(a => a.Charged))
        {
            if (excess <= 0)
            {
                break;
            }

            excess -= candidate.Charged;
            candidate.LastCharge = candidate.Charged;
            _closing += candidate.Charged;
            Uncharge(candidate);
            victims.Add(candidate);
        }

        return victims;
    }

    /// <summary>
    /// What the connections hold against the Node-wide limit: the bytes charged, or, when more, the link buffers handed
    /// out (a buffer runs ahead of the package growing in it) less those of connections already being closed.
    /// Called under the lock.
    /// </summary>
    private long Held() => Math.Max(_total, Pool.Outstanding - _closing);

    private void Uncharge(BufferAccount account)
    {
        account.Closed = true;
        _total -= account.Charged;
        if (account.SharesAddress)
        {
            AddToAddress(account.Address, -account.Charged);
        }

        account.Charged = 0;
    }

    /// <summary>The address's new share; called under the lock.</summary>
    private long AddToAddress(IPAddress address, long delta)
    {
        long onAddress = _byAddress.GetValueOrDefault(address) + delta;
        if (onAddress <= 0)
        {
            _byAddress.Remove(address);
        }
        else
        {
            _byAddress[address] = onAddress;
        }

        return onAddress;
    }

    /// <summary>
    /// After connections held a lot of memory (a flood) and let most of it go, a compacting full collection gives the
    /// freed heap (and the pooled arrays the pools trim on it) back to the system; otherwise the process keeps its peak
    /// size until the next full collection, which an idle Node may not do for a long time. Link buffers kept in the pool
    /// through an interval in which no link needed one go too (the last connections of a flood end after the trim).
    /// </summary>
    private void TrimIfIdle()
    {
        long peak;
        bool flooded;
        lock (_lock)
        {
            peak = _peakSinceTrim;
            long held = Held();
            flooded = peak >= TrimThreshold && held <= peak / 4;
            if (flooded)
            {
                _peakSinceTrim = held;
            }
        }

        bool idle = Pool.TakeIdle();
        long dropped = flooded || idle ? Pool.Trim() : 0;
        if (flooded || dropped >= TrimThreshold)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        if (flooded)
        {
            LogTrimmed(peak);
        }
    }

    private const long TrimThreshold = 16L * 1024 * 1024;

    [LoggerMessage(EventId = DataPathEventIds.OverBudget, Level = LogLevel.Warning, Message = "Closed a connection from {Address} holding {Bytes} buffered bytes: over the Node's buffer budget ({Limit} bytes) or its address's share ({Share} bytes); {Suppressed} more such closings since the last report")]
    private partial void LogOverBudget(IPAddress address, long bytes, long limit, long share, int suppressed);

    [LoggerMessage(EventId = DataPathEventIds.MemoryTrimmed, Level = LogLevel.Information, Message = "Connections that held up to {Peak} buffered bytes let them go; memory returned to the system")]
    private partial void LogTrimmed(long peak);
}
