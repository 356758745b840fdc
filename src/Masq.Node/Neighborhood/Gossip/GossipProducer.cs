using System.Diagnostics.CodeAnalysis;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;

namespace Masq.Node.Neighborhood.Gossip;

/// <summary>
/// Builds outgoing gossip (the reference's GossipProducerReal, neighborhood.md §3.5). Standard gossip carries every
/// referenced record except the target's ("you don't know me"), and reveals a NodeAddr only for Nodes that accept
/// connections and are the root or listed by the target: non-neighbors learn signed records but not IPs. Culls
/// unreferenced records here, at most once a minute, because gossip production is when the database is walked anyway.
/// Owned by the Neighborhood's actor; not thread-safe.
/// </summary>
internal sealed class GossipProducer
{
    public static readonly TimeSpan CullInterval = TimeSpan.FromSeconds(60);

    /// <summary>An unreferenced record younger than this may be a Debut still being answered; keep it.</summary>
    public static readonly TimeSpan UnreferencedMinimumAge = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private DateTimeOffset? _lastCull;

    public GossipProducer(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>
    /// Standard gossip for <paramref name="target"/>, or null when there is nothing to say. A target missing from the
    /// database (not expected) lists nobody, so only the root's NodeAddr is revealed to it.
    /// </summary>
    public Gossip? Produce(NeighborhoodDatabase db, PublicKey target)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(target);
        CullIfDue(db);
        var targetRecord = db.Get(target);
        var referenced = ReferencedKeys(db);
        var records = new List<GossipNodeRecord>(referenced.Count);
        foreach (var record in db.Records)
        {
            var key = record.Key;
            if (key.Equals(target) || !referenced.Contains(key))
            {
                continue;
            }

            bool reveal = record.AcceptsConnections && (key.Equals(db.RootKey) || (targetRecord?.ListsNeighbor(key) ?? false));
            records.Add(new GossipNodeRecord(record.Signed, reveal ? record.Address : null));
        }

        return records.Count == 0 ? null : new Gossip(records);
    }

    /// <summary>The root's record alone, with its NodeAddr when it accepts connections: what a joining Node sends.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called on the producer the Neighborhood is given, like its other members, which read the producer's clock.")]
    public Gossip ProduceDebut(NeighborhoodDatabase db) => Debut(db);

    /// <summary>Who gets Standard gossip after a change: the root's (known) half neighbors.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called on the producer the Neighborhood is given, like its other members, which read the producer's clock.")]
    public IReadOnlyList<PublicKey> GossipTargets(NeighborhoodDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.HalfNeighbors(db.RootKey).Select(record => record.Key).ToList();
    }

    internal static Gossip Debut(NeighborhoodDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var root = db.Root;
        return new Gossip([new GossipNodeRecord(root.Signed, root.AcceptsConnections ? root.Address : null)]);
    }

    /// <summary>Removes unreferenced, non-root records last updated at least 30 s ago; returns how many went.</summary>
    internal int Cull(NeighborhoodDatabase db)
    {
        var now = _time.GetUtcNow();
        _lastCull = now;
        var referenced = ReferencedKeys(db);
        var doomed = db.Records
            .Where(record => !referenced.Contains(record.Key) && now - record.LastUpdate >= UnreferencedMinimumAge)
            .Select(record => record.Key)
            .ToList();
        foreach (var key in doomed)
        {
            db.Remove(key);
        }

        return doomed.Count;
    }

    /// <summary>The root plus every key some known record lists (keys absent from the database included).</summary>
    private static HashSet<PublicKey> ReferencedKeys(NeighborhoodDatabase db)
    {
        var keys = new HashSet<PublicKey> { db.RootKey };
        foreach (var record in db.Records)
        {
            foreach (var neighbor in record.Inner.Neighbors)
            {
                keys.Add(neighbor);
            }
        }

        return keys;
    }

    private void CullIfDue(NeighborhoodDatabase db)
    {
        if (_lastCull is not { } last || _time.GetUtcNow() - last >= CullInterval)
        {
            Cull(db);
        }
    }
}
