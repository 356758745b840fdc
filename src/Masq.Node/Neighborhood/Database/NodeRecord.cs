using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Records;

namespace Masq.Node.Neighborhood.Database;

/// <summary>
/// One Node as the local Neighborhood knows it: its signed record (kept as the exact bytes received, §2), the decoded
/// inner part, and local metadata that is never gossiped: its NodeAddr (outside the signature), when it last changed,
/// the hostnames it failed to resolve as an exit, and its country undesirability under the current exit preferences.
/// Owned by the <see cref="NeighborhoodDatabase"/>; not thread-safe.
/// </summary>
internal sealed class NodeRecord
{
    private readonly HashSet<string> _unreachableHosts = new(StringComparer.OrdinalIgnoreCase);

    public NodeRecord(SignedNodeRecord signed, NodeRecordInner inner, NodeAddr? address, DateTimeOffset lastUpdate)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(inner);
        Signed = signed;
        Inner = inner;
        Address = address;
        LastUpdate = lastUpdate;
        LastVouched = lastUpdate;
    }

    public PublicKey Key => Inner.PublicKey;

    public SignedNodeRecord Signed { get; private set; }

    public NodeRecordInner Inner { get; private set; }

    /// <summary>Where it listens (or, for a Node that accepts no connections, the socket it came from); null when unknown.</summary>
    public NodeAddr? Address { get; set; }

    public DateTimeOffset LastUpdate { get; set; }

    /// <summary>
    /// When the root last reached this Node over full links, or it was the root's neighbor (set by
    /// <see cref="NeighborhoodDatabase.DropStale"/>); a record neither vouched for nor updated for long is dropped.
    /// </summary>
    public DateTimeOffset LastVouched { get; set; }

    public uint Version => Inner.Version;

    public bool AcceptsConnections => Inner.AcceptsConnections;

    public bool RoutesData => Inner.RoutesData;

    public string? CountryCode => Inner.CountryCode;

    /// <summary>The country preference cost of this Node as an exit (neighborhood.md §5); 0 with no preference.</summary>
    public uint CountryUndesirability { get; set; }

    public IReadOnlyCollection<string> UnreachableHosts => _unreachableHosts;

    /// <summary>Remembers that this Node, as an exit, could not resolve <paramref name="hostname"/>.</summary>
    public bool AddUnreachableHost(string hostname) => _unreachableHosts.Add(hostname);

    public bool IsUnreachable(string hostname) => _unreachableHosts.Contains(hostname);

    /// <summary>Whether this record lists <paramref name="key"/> among its neighbors (a half link from this Node).</summary>
    public bool ListsNeighbor(PublicKey key) => Inner.Neighbors.Contains(key);

    /// <summary>Replaces the record with a newer one (the caller has applied <see cref="RecordUpdateRule"/>).</summary>
    public void Replace(SignedNodeRecord signed, NodeRecordInner inner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(inner);
        if (!inner.PublicKey.Equals(Inner.PublicKey))
        {
            throw new ArgumentException("A record is replaced only by one with the same key.", nameof(inner));
        }

        Signed = signed;
        Inner = inner;
        LastUpdate = now;
    }
}
