using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;

namespace Masq.Node.Tests.Neighborhood.Routes;

/// <summary>What <see cref="TestMesh"/> knows about one Node before it builds the database.</summary>
internal sealed class TestMeshNode(string name, CryptDeReal signer)
{
    public string Name { get; } = name;

    public CryptDeReal Signer { get; } = signer;

    public RatePack Rates { get; set; } = RatePack.Default;

    public bool RoutesData { get; set; } = true;

    public bool AcceptsConnections { get; set; } = true;

    public string? Country { get; set; }

    public NodeAddr? Address { get; set; }

    public uint Version { get; set; }

    /// <summary>Names (of mesh Nodes or ghosts) this Node's record lists.</summary>
    public SortedSet<string> Neighbors { get; } = new(StringComparer.Ordinal);
}
