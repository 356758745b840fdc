using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>Shapes a root's database directly, the way the multinode tests' construct_neighborhood does with gossip.</summary>
internal static class GossipTestSetup
{
    /// <summary>Adds <paramref name="neighbor"/> as a full neighbor of <paramref name="root"/>; it also lists <paramref name="extra"/>.</summary>
    public static void AddFullNeighbor(GossipTestNode root, GossipTestNode neighbor, params PublicKey[] extra)
    {
        root.Db.Add(neighbor.StoredRecord([root.Key, .. extra], 1));
        root.Db.AddRootNeighbor(neighbor.Key);
    }

    /// <summary>A half neighbor the root lists but that has not answered (does not list the root).</summary>
    public static void AddStalledNeighbor(GossipTestNode root, GossipTestNode neighbor)
    {
        root.Db.Add(neighbor.StoredRecord([], 0));
        root.Db.AddRootNeighbor(neighbor.Key);
    }

    public static Masq.Node.Neighborhood.Gossip.Gossip Msg(params GossipNodeRecord[] records) => new(records);

    public static IReadOnlyList<GossipTestNode> Nodes(GossipTestNode root, int count, int firstNumber = 100) =>
        Enumerable.Range(firstNumber, count).Select(n => GossipTestNode.Create(n, root.Time)).ToList();
}
