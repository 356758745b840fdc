using System.Net;
using Masq.Node.Crypto;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// Senders caught misbehaving in gossip (a <see cref="GossipOutcome.Ban"/>), remembered by what they can prove — the
/// socket address of the link the gossip came by and, when known, their key — for a while so that the Neighborhood
/// refuses their gossip. Not by IP alone: many Nodes and users may share one address (NAT, a localnet on 127.x), and
/// one bad gossip from an address must not shut out the others (neighborhood.md §3.2 leaves bans unimplemented; this is
/// the .NET answer to §10's "decide whether to implement bans"). Bans expire so that an honest Node behind a reused IP
/// or one that hit a bug is not shut out forever. Bounded: when full, the ban closest to expiring is dropped.
/// Owned by the Neighborhood's actor; not thread-safe.
/// </summary>
internal sealed class MalefactorList
{
    public const int DefaultCapacity = 10_000;

    public static readonly TimeSpan DefaultBanTime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<IPEndPoint, DateTimeOffset> _sources = [];
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

    /// <summary>Bans currently remembered by socket address (expired ones may linger until the next look-up or ban).</summary>
    public int Count => _sources.Count;

    /// <summary>
    /// Bans <paramref name="source"/> (and <paramref name="key"/> when the sender is known) from now for <see cref="BanTime"/>.
    /// The reason is for the caller's log; it is not kept.
    /// </summary>
    public void Ban(IPEndPoint source, string reason, PublicKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reason);
        var until = _time.GetUtcNow() + BanTime;
        Add(_sources, Normalize(source), until);
        if (key is not null)
        {
            Add(_keys, key, until);
        }
    }

    public bool IsBanned(IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Check(_sources, Normalize(source));
    }

    public bool IsBanned(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Check(_keys, key);
    }

    private static IPEndPoint Normalize(IPEndPoint source) =>
        source.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(source.Address.MapToIPv4(), source.Port) : source;

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
