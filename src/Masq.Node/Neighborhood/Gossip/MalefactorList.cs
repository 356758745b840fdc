using System.Net;
using Masq.Node.Crypto;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// Senders caught misbehaving in gossip (a <see cref="GossipOutcome.Ban"/>), remembered by IP and, when known, by key
/// for a while so that the Neighborhood refuses their gossip (neighborhood.md §3.2 leaves bans unimplemented; this is
/// the .NET answer to §10's "decide whether to implement bans"). Bans expire so that an honest Node behind a reused IP
/// or one that hit a bug is not shut out forever. Bounded: when full, the ban closest to expiring is dropped.
/// Owned by the Neighborhood's actor; not thread-safe.
/// </summary>
internal sealed class MalefactorList
{
    public const int DefaultCapacity = 10_000;

    public static readonly TimeSpan DefaultBanTime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<IPAddress, DateTimeOffset> _ips = [];
    private readonly Dictionary<PublicKey, DateTimeOffset> _keys = [];
    private readonly TimeProvider _time;
    private readonly int _capacity;

    public MalefactorList(TimeProvider time, TimeSpan? banTime = null, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        BanTime = banTime ?? DefaultBanTime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BanTime, TimeSpan.Zero, nameof(banTime));
        _capacity = capacity;
    }

    public TimeSpan BanTime { get; }

    /// <summary>Bans currently remembered by IP (expired ones may linger until the next look-up or ban).</summary>
    public int Count => _ips.Count;

    /// <summary>
    /// Bans <paramref name="ip"/> (and <paramref name="key"/> when the sender is known) from now for <see cref="BanTime"/>.
    /// The reason is for the caller's log; it is not kept.
    /// </summary>
    public void Ban(IPAddress ip, string reason, PublicKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(ip);
        ArgumentNullException.ThrowIfNull(reason);
        var until = _time.GetUtcNow() + BanTime;
        Add(_ips, Normalize(ip), until);
        if (key is not null)
        {
            Add(_keys, key, until);
        }
    }

    public bool IsBanned(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        return Check(_ips, Normalize(ip));
    }

    public bool IsBanned(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Check(_keys, key);
    }

    private static IPAddress Normalize(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    private bool Check<T>(Dictionary<T, DateTimeOffset> bans, T item)
        where T : notnull
    {
        if (!bans.TryGetValue(item, out var until))
        {
            return false;
        }

        if (until > _time.GetUtcNow())
        {
            return true;
        }

        bans.Remove(item);
        return false;
    }

    private void Add<T>(Dictionary<T, DateTimeOffset> bans, T item, DateTimeOffset until)
        where T : notnull
    {
        if (!bans.ContainsKey(item) && bans.Count >= _capacity)
        {
            var now = _time.GetUtcNow();
            foreach (var expired in bans.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
            {
                bans.Remove(expired);
            }

            if (bans.Count >= _capacity)
            {
                bans.Remove(bans.MinBy(pair => pair.Value).Key);
            }
        }

        bans[item] = until;
    }
}
