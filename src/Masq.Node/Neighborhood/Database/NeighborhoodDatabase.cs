using System.Diagnostics.CodeAnalysis;
using System.Net;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Records;

namespace Masq.Node.Neighborhood.Database;

/// <summary>
/// The local Node's picture of the mesh (the reference's NeighborhoodDatabase): every known <see cref="NodeRecord"/>
/// by key, the root (this Node's own record, the only one it re-encodes and re-signs), and the neighbor relations
/// that gossip handling and route selection ask about. A <em>half</em> link A→B means A's record lists B; a
/// <em>full</em> link means both list each other (neighborhood.md, terms). Owned by the Neighborhood's actor and
/// touched by one thread at a time; not thread-safe.
/// </summary>
internal sealed class NeighborhoodDatabase
{
    /// <summary>A root accepts new half neighbors while it has fewer full, accepting neighbors than this (§3.3, §8).</summary>
    public const int MaxDegree = 5;

    /// <summary>
    /// How long a record the root cannot reach over full links is kept without a newer version: long enough for the
    /// healing Debuts (every 15 s, doubling to 8 min) to join a split mesh again several times over.
    /// </summary>
    public static readonly TimeSpan StaleRecordAge = TimeSpan.FromMinutes(30);

    private readonly Dictionary<PublicKey, NodeRecord> _records = [];
    private readonly Dictionary<PublicKey, DateTimeOffset> _parted = [];
    private readonly ICryptDE _rootSigner;
    private readonly TimeProvider _time;

    public NeighborhoodDatabase(ICryptDE rootSigner, NodeRecordInner rootInner, NodeAddr? rootAddress, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rootSigner);
        ArgumentNullException.ThrowIfNull(rootInner);
        ArgumentNullException.ThrowIfNull(time);
        _rootSigner = rootSigner;
        _time = time;
        RootKey = rootInner.PublicKey;
        Root = new NodeRecord(SignedNodeRecord.Create(rootSigner, rootInner), rootInner, rootAddress, time.GetUtcNow());
        _records[RootKey] = Root;
    }

    public PublicKey RootKey { get; }

    public NodeRecord Root { get; }

    public int Count => _records.Count;

    public IEnumerable<NodeRecord> Records => _records.Values;

    public DateTimeOffset Now => _time.GetUtcNow();

    public bool Contains(PublicKey key) => _records.ContainsKey(key);

    public NodeRecord? Get(PublicKey key) => _records.GetValueOrDefault(key);

    public bool TryGet(PublicKey key, [NotNullWhen(true)] out NodeRecord? record) => _records.TryGetValue(key, out record);

    /// <summary>The Node whose known NodeAddr has <paramref name="ip"/>, if any (IPs are unique in a database, §3.3).</summary>
    public NodeRecord? FindByIp(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        foreach (var record in _records.Values)
        {
            if (record.Address is { } address && address.Ip.Equals(ip))
            {
                return record;
            }
        }

        return null;
    }

    /// <summary>Adds a record for a key not yet known; false (and nothing changed) when the key is known.</summary>
    public bool Add(NodeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _records.TryAdd(record.Key, record);
    }

    /// <summary>Forgets a Node entirely (culling, or a Node that proved malicious). The root cannot be removed.</summary>
    public bool Remove(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return !key.Equals(RootKey) && _records.Remove(key);
    }

    /// <summary>The root and every Node it reaches over full links.</summary>
    public HashSet<PublicKey> ReachedFromRoot()
    {
        var reached = new HashSet<PublicKey> { RootKey };
        var queue = new Queue<PublicKey>();
        queue.Enqueue(RootKey);
        while (queue.TryDequeue(out var key))
        {
            foreach (var next in FullNeighbors(key))
            {
                if (reached.Add(next.Key))
                {
                    queue.Enqueue(next.Key);
                }
            }
        }

        return reached;
    }

    /// <summary>
    /// Ages the records out that nothing has vouched for within <paramref name="maxAge"/> (the reference never does:
    /// a far record that no gossip refreshes stays for good). The root, its neighbors (either way) and every Node it
    /// reaches over full links are vouched for now; any other record goes once <paramref name="maxAge"/> has passed
    /// since it was last vouched for or replaced by a newer version. Records in a stable mesh change rarely and no
    /// gossip flows without a change, so being reached, not the record's age, is what keeps a live far Node.
    /// </summary>
    /// <returns>The keys of the records dropped.</returns>
    public IReadOnlyList<PublicKey> DropStale(TimeSpan maxAge)
    {
        var now = _time.GetUtcNow();
        var reached = ReachedFromRoot();
        var stale = new List<PublicKey>();
        foreach (var record in _records.Values)
        {
            if (reached.Contains(record.Key) || Root.ListsNeighbor(record.Key) || record.ListsNeighbor(RootKey))
            {
                record.LastVouched = now;
            }
            else if (now - (record.LastUpdate > record.LastVouched ? record.LastUpdate : record.LastVouched) >= maxAge)
            {
                stale.Add(record.Key);
            }
        }

        foreach (var key in stale)
        {
            _records.Remove(key);
        }

        return stale;
    }

    /// <summary>True when <paramref name="from"/>'s record lists <paramref name="to"/> (a half link).</summary>
    public bool HasHalfNeighbor(PublicKey from, PublicKey to) =>
        _records.TryGetValue(from, out var record) && record.ListsNeighbor(to);

    /// <summary>True when both records are known and list each other (a full link).</summary>
    public bool HasFullNeighbor(PublicKey a, PublicKey b) =>
        _records.TryGetValue(a, out var left) && _records.TryGetValue(b, out var right)
        && left.ListsNeighbor(b) && right.ListsNeighbor(a);

    /// <summary>The known records <paramref name="key"/> lists, whether or not they list it back.</summary>
    public IEnumerable<NodeRecord> HalfNeighbors(PublicKey key)
    {
        if (!_records.TryGetValue(key, out var record))
        {
            yield break;
        }

        foreach (var neighbor in record.Inner.Neighbors)
        {
            if (_records.TryGetValue(neighbor, out var other))
            {
                yield return other;
            }
        }
    }

    /// <summary>The known records that share a full link with <paramref name="key"/>.</summary>
    public IEnumerable<NodeRecord> FullNeighbors(PublicKey key)
    {
        foreach (var neighbor in HalfNeighbors(key))
        {
            if (neighbor.ListsNeighbor(key))
            {
                yield return neighbor;
            }
        }
    }

    /// <summary>
    /// A Node's degree for the Debut handler (§3.3): its full neighbors that accept connections, plus the neighbor keys
    /// absent from the database (assumed full). Non-accepting and stalled half neighbors do not use up slots.
    /// </summary>
    public int Degree(PublicKey key)
    {
        if (!_records.TryGetValue(key, out var record))
        {
            return 0;
        }

        int degree = 0;
        foreach (var neighbor in record.Inner.Neighbors)
        {
            if (!_records.TryGetValue(neighbor, out var other))
            {
                degree++;
            }
            else if (other.AcceptsConnections && other.ListsNeighbor(key))
            {
                degree++;
            }
        }

        return degree;
    }

    /// <summary>The root's full neighbors of any kind (the Introduction handler's and the Standard handler's limit).</summary>
    public int RootFullNeighborCount() => FullNeighbors(RootKey).Count();

    /// <summary>Adds <paramref name="key"/> to the root's neighbors, bumping the version and re-signing; false when already listed.</summary>
    public bool AddRootNeighbor(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Equals(RootKey) || Root.ListsNeighbor(key))
        {
            return false;
        }

        ResignRoot(Root.Inner.Neighbors.Add(key), Root.Inner.CountryCode);
        return true;
    }

    /// <summary>Drops <paramref name="key"/> from the root's neighbors, bumping the version and re-signing; false when not listed.</summary>
    public bool RemoveRootNeighbor(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Root.ListsNeighbor(key))
        {
            return false;
        }

        ResignRoot(Root.Inner.Neighbors.Remove(key), Root.Inner.CountryCode);
        return true;
    }

    /// <summary>
    /// Ends the root's neighborship with <paramref name="key"/> on purpose, until <paramref name="until"/>: the key
    /// leaves the root's neighbors, and gossip from it does not make it one again before then (see
    /// <see cref="IsParted"/>). A Debut still does: a Node left alone must be able to rejoin.
    /// </summary>
    public bool Part(PublicKey key, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(key);
        _parted[key] = until;
        return RemoveRootNeighbor(key);
    }

    /// <summary>Ends a parting from <paramref name="key"/> at once (gossip from it may make it a neighbor again).</summary>
    public void Unpart(PublicKey key) => _parted.Remove(key);

    /// <summary>Whether the root parted from <paramref name="key"/> and the parting still holds.</summary>
    public bool IsParted(PublicKey key)
    {
        if (!_parted.TryGetValue(key, out var until))
        {
            return false;
        }

        if (_time.GetUtcNow() < until)
        {
            return true;
        }

        _parted.Remove(key);
        return false;
    }

    /// <summary>
    /// Gives the root a new address (a new public IP or ports) and country code. The reference changes the IP without a
    /// bump, which leaves peers with the old address forever; this bumps and re-signs on any change (§10).
    /// </summary>
    public bool SetRootAddress(NodeAddr? address, string? countryCode)
    {
        bool addressChanged = !Equals(Root.Address, address);
        bool countryChanged = !string.Equals(Root.Inner.CountryCode, countryCode, StringComparison.Ordinal);
        if (!addressChanged && !countryChanged)
        {
            return false;
        }

        Root.Address = address;
        ResignRoot(Root.Inner.Neighbors, countryCode);
        return true;
    }

    /// <summary>
    /// Signs the root's record again, unchanged but one version newer: a Node that debuts again to Nodes which know its
    /// current record needs them to take the Debut as news.
    /// </summary>
    public void BumpRootVersion() => ResignRoot(Root.Inner.Neighbors, Root.Inner.CountryCode);

    private void ResignRoot(IEnumerable<PublicKey> neighbors, string? countryCode)
    {
        var old = Root.Inner;
        var inner = new NodeRecordInner(
            old.PublicKey, old.EarningWallet, old.RatePack, neighbors, old.AcceptsConnections, old.RoutesData, checked(old.Version + 1), countryCode);
        Root.Replace(SignedNodeRecord.Create(_rootSigner, inner), inner, _time.GetUtcNow());
    }
}
