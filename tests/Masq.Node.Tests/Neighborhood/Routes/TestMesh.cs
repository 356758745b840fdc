using System.Security.Cryptography;
using System.Text;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Tests.Crypto;

namespace Masq.Node.Tests.Neighborhood.Routes;

/// <summary>
/// Builds <see cref="NeighborhoodDatabase"/>s for route and graph tests from named Nodes with real
/// <see cref="CryptDeReal"/> keys (derived from the name, so key order and thus tie-breaks are the same every run) and
/// records signed by their owners. The Node named <see cref="RootName"/> is the database's root.
/// </summary>
internal sealed class TestMesh
{
    public const string RootName = "root";

    private readonly Dictionary<string, TestMeshNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CryptDeReal> _ghosts = new(StringComparer.Ordinal);
    private readonly Dictionary<PublicKey, string> _names = [];

    public TestMesh()
    {
        Node(RootName);
    }

    public TestMeshNode this[string name] => _nodes[name];

    public IEnumerable<string> Names => _nodes.Keys;

    /// <summary>Adds (or reconfigures) a Node.</summary>
    public TestMesh Node(
        string name, RatePack? rates = null, bool routesData = true, bool acceptsConnections = true, string? country = null, NodeAddr? address = null)
    {
        if (!_nodes.TryGetValue(name, out var node))
        {
            node = new TestMeshNode(name, KeyFor(name));
            _nodes[name] = node;
            _names[node.Signer.PublicKey] = name;
        }

        node.Rates = rates ?? node.Rates;
        node.RoutesData = routesData;
        node.AcceptsConnections = acceptsConnections;
        node.Country = country ?? node.Country;
        node.Address = address ?? node.Address;
        return this;
    }

    /// <summary>A full link: both records list each other (Nodes are created with defaults as needed).</summary>
    public TestMesh Link(string a, string b) => HalfLink(a, b).HalfLink(b, a);

    /// <summary>Full links along a chain of Nodes.</summary>
    public TestMesh Chain(params string[] names)
    {
        for (int i = 1; i < names.Length; i++)
        {
            Link(names[i - 1], names[i]);
        }

        return this;
    }

    /// <summary>A half link: <paramref name="from"/>'s record lists <paramref name="to"/>.</summary>
    public TestMesh HalfLink(string from, string to)
    {
        Ensure(from);
        Ensure(to);
        _nodes[from].Neighbors.Add(to);
        return this;
    }

    /// <summary><paramref name="from"/> lists a key the database will not hold (the ragged edge).</summary>
    public TestMesh Ghost(string from, string ghost)
    {
        Ensure(from);
        if (!_ghosts.ContainsKey(ghost))
        {
            var signer = KeyFor("ghost:" + ghost);
            _ghosts[ghost] = signer;
            _names[signer.PublicKey] = ghost;
        }

        _nodes[from].Neighbors.Add(ghost);
        return this;
    }

    public PublicKey Key(string name) => _nodes.TryGetValue(name, out var node) ? node.Signer.PublicKey : _ghosts[name].PublicKey;

    public CryptDeReal Signer(string name) => _nodes[name].Signer;

    public string NameOf(PublicKey key) => _names[key];

    public string[] NamesOf(IEnumerable<PublicKey> keys) => keys.Select(NameOf).ToArray();

    public NeighborhoodDatabase Build(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var root = _nodes[RootName];
        var db = new NeighborhoodDatabase(root.Signer, Inner(root), root.Address, time);
        foreach (var node in _nodes.Values.Where(n => n.Name != RootName))
        {
            var inner = Inner(node);
            Assert.True(db.Add(new NodeRecord(SignedNodeRecord.Create(node.Signer, inner), inner, node.Address, time.GetUtcNow())));
        }

        return db;
    }

    /// <summary>A size × size grid, the root at a corner, every Node linked to its horizontal and vertical neighbors.</summary>
    public static TestMesh Grid(int size, Func<int, int, RatePack>? rates = null)
    {
        var mesh = new TestMesh();
        for (int row = 0; row < size; row++)
        {
            for (int column = 0; column < size; column++)
            {
                mesh.Node(GridName(row, column), rates?.Invoke(row, column));
                if (row > 0)
                {
                    mesh.Link(GridName(row - 1, column), GridName(row, column));
                }

                if (column > 0)
                {
                    mesh.Link(GridName(row, column - 1), GridName(row, column));
                }
            }
        }

        return mesh;
    }

    public static string GridName(int row, int column) => row == 0 && column == 0 ? RootName : $"g{row}{column}";

    /// <summary>
    /// A seeded random mesh: Nodes "root", "n1" … each linked (fully) to about <paramref name="degree"/> others, over
    /// a ring so it is connected, with random rates when <paramref name="randomRates"/>.
    /// </summary>
    public static TestMesh Random(int nodes, int degree, int seed, bool randomRates = true)
    {
        var random = new Random(seed);
        var mesh = new TestMesh();
        string Name(int i) => i == 0 ? RootName : $"n{i}";
        for (int i = 0; i < nodes; i++)
        {
            var rates = randomRates
                ? new RatePack((ulong)random.Next(1, 100), (ulong)random.Next(1_000, 100_000), (ulong)random.Next(1, 200), (ulong)random.Next(1_000, 200_000))
                : RatePack.Default;
            mesh.Node(Name(i), rates);
        }

        for (int i = 0; i < nodes; i++)
        {
            mesh.Link(Name(i), Name((i + 1) % nodes));
        }

        int extra = Math.Max(0, ((degree - 2) * nodes) / 2);
        for (int added = 0; added < extra;)
        {
            int a = random.Next(nodes);
            int b = random.Next(nodes);
            if (a != b && !mesh[Name(a)].Neighbors.Contains(Name(b)))
            {
                mesh.Link(Name(a), Name(b));
                added++;
            }
        }

        return mesh;
    }

    private void Ensure(string name)
    {
        if (!_nodes.ContainsKey(name))
        {
            Node(name);
        }
    }

    private NodeRecordInner Inner(TestMeshNode node)
    {
        var wallet = WalletAddress.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes("wallet:" + node.Name)).AsSpan(0, WalletAddress.Length));
        return new NodeRecordInner(
            node.Signer.PublicKey, wallet, node.Rates, node.Neighbors.Select(Key), node.AcceptsConnections, node.RoutesData, node.Version, node.Country);
    }

    private static CryptDeReal KeyFor(string name)
    {
        byte[] secrets = SHA512.HashData(Encoding.UTF8.GetBytes("test-mesh:" + name));
        byte[] exported = new byte[CryptDeReal.ExportedKeyPairLength];
        exported[0] = 1;
        secrets.AsSpan(0, 64).CopyTo(exported.AsSpan(1));
        return CryptDeReal.Import(exported, TestChains.BaseSepolia);
    }
}
