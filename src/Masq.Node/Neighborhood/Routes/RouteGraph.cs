using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;

namespace Masq.Node.Neighborhood.Routes;

/// <summary>
/// A snapshot of a <see cref="NeighborhoodDatabase"/> indexed for route search: the records in ascending key-byte
/// order (so index order is key order, which makes searches deterministic), and each Node's <em>full</em> neighbors
/// as ascending index arrays. Keys a record lists but the database lacks (the ragged edge) are left out, since routes
/// cannot use them. Valid until the database changes; building one costs O(links × log degree).
/// </summary>
internal sealed class RouteGraph
{
    private readonly Dictionary<PublicKey, int> _indexOf;

    private RouteGraph(NodeRecord[] records, Dictionary<PublicKey, int> indexOf, int root, int[][] full, bool[] nearRoot)
    {
        Records = records;
        _indexOf = indexOf;
        Root = root;
        Full = full;
        NearRoot = nearRoot;
        int maxDegree = 0;
        foreach (var neighbors in full)
        {
            maxDegree = Math.Max(maxDegree, neighbors.Length);
        }

        MaxDegree = maxDegree;
    }

    public int Count => Records.Length;

    /// <summary>Ascending by key bytes.</summary>
    public NodeRecord[] Records { get; }

    /// <summary>The index of the database's root (the originator).</summary>
    public int Root { get; }

    /// <summary>For each index, the indexes of its full neighbors, ascending.</summary>
    public int[][] Full { get; }

    /// <summary>
    /// For each index, whether it and the root are neighbors in either direction: it lists the root, or the root lists
    /// it. Such a Node cannot end a leg of more than one hop that starts or ends at the root, so it cannot be the exit
    /// of a multi-hop round trip.
    /// </summary>
    public bool[] NearRoot { get; }

    public int MaxDegree { get; }

    public static RouteGraph Build(NeighborhoodDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = db.Records.ToArray();
        Array.Sort(records, static (a, b) => a.Key.Span.SequenceCompareTo(b.Key.Span));
        var indexOf = new Dictionary<PublicKey, int>(records.Length);
        for (int i = 0; i < records.Length; i++)
        {
            indexOf[records[i].Key] = i;
        }

        // Half links as index arrays: a record's neighbors are sorted by bytes, so the mapped indexes are ascending.
        var half = new int[records.Length][];
        var scratch = new List<int>();
        for (int i = 0; i < records.Length; i++)
        {
            scratch.Clear();
            foreach (var neighbor in records[i].Inner.Neighbors)
            {
                if (indexOf.TryGetValue(neighbor, out int j) && j != i)
                {
                    scratch.Add(j);
                }
            }

            half[i] = [.. scratch];
        }

        var full = new int[records.Length][];
        for (int i = 0; i < records.Length; i++)
        {
            scratch.Clear();
            foreach (int j in half[i])
            {
                if (Array.BinarySearch(half[j], i) >= 0)
                {
                    scratch.Add(j);
                }
            }

            full[i] = [.. scratch];
        }

        int root = indexOf[db.RootKey];
        var nearRoot = new bool[records.Length];
        for (int i = 0; i < records.Length; i++)
        {
            nearRoot[i] = Array.BinarySearch(half[i], root) >= 0 || Array.BinarySearch(half[root], i) >= 0;
        }

        return new RouteGraph(records, indexOf, root, full, nearRoot);
    }

    public bool TryGetIndex(PublicKey key, out int index) => _indexOf.TryGetValue(key, out index);
}
