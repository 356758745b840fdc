using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Routing;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>
/// Several full Nodes in this process, each on its own 127.0.0.x address with its own keys, wallets and rates. Node 0
/// originates and pays; it is handed fixed round trips through the others (the test seam until the Neighborhood picks
/// routes from gossip).
/// </summary>
internal sealed class TestMesh : IAsyncDisposable
{
    /// <summary>A well-known test key (never holds funds): the originator's consuming wallet.</summary>
    public const string ConsumingKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    private TestMesh(IReadOnlyList<MeshNode> nodes, NodeDirectory directory)
    {
        Nodes = nodes;
        Directory = directory;
    }

    public IReadOnlyList<MeshNode> Nodes { get; }

    public NodeDirectory Directory { get; }

    public MeshNode Originator => Nodes[0];

    /// <summary>Round trips as Node indices: over from 0 to the exit, back from the exit to 0.</summary>
    public static async Task<TestMesh> StartAsync(
        int nodeCount,
        IReadOnlyList<(int[] Over, int[] Back)> routes,
        Func<int, MeshNodeSpec, MeshNodeSpec>? customize = null,
        int firstAddress = 10,
        bool consumingWallet = true)
    {
        var contract = Chain.BaseSepolia.ContractAddress.Bytes;
        var directory = new NodeDirectory();
        var specs = new List<MeshNodeSpec>();
        for (int i = 0; i < nodeCount; i++)
        {
            var ip = IPAddress.Parse($"127.0.0.{firstAddress + i}");
            var wallet = new byte[20];
            wallet[0] = 0xee;
            wallet[19] = (byte)(i + 1);
            var spec = new MeshNodeSpec(ip, FreePorts.On(ip), i == 0 ? FreePorts.On(IPAddress.Loopback) : 0, CryptDeReal.Generate(contract))
            {
                EarningWallet = WalletAddress.FromBytes(wallet),
                RatePack = new RatePack((ulong)(100 + i), (ulong)(1000 + i), (ulong)(200 + i), (ulong)(2000 + i)),
                Directory = directory,
                ConsumingPrivateKey = i == 0 && consumingWallet ? ConsumingKey : null,
            };
            specs.Add(customize is null ? spec : customize(i, spec));
        }

        var keys = specs.Select(s => s.Main.PublicKey).ToArray();
        specs[0] = specs[0] with
        {
            Routes = routes.Select(r => new FixedRoute(r.Over.Select(i => keys[i]).ToArray(), r.Back.Select(i => keys[i]).ToArray())).ToArray(),
        };
        foreach (var spec in specs)
        {
            directory.Add(new RouteNode(spec.Main.PublicKey, spec.ClandestineEndpoint, spec.EarningWallet, spec.RatePack));
        }

        var nodes = new List<MeshNode>();
        try
        {
            foreach (var spec in specs)
            {
                nodes.Add(await MeshNode.StartAsync(spec).ConfigureAwait(false));
            }
        }
        catch
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new TestMesh(nodes, directory);
    }

    /// <summary>A straight route of <paramref name="hops"/> hops each way: over 0→1→…→hops, back through other relays.</summary>
    public static (int NodeCount, (int[] Over, int[] Back) Route) Straight(int hops, bool distinctBackRelays)
    {
        int[] over = Enumerable.Range(0, hops + 1).ToArray();
        int exit = hops;
        if (!distinctBackRelays || hops == 1)
        {
            int[] reversed = [.. over.Reverse()];
            return (hops + 1, (over, reversed));
        }

        // Back relays are new Nodes hops+1 … 2·hops-1.
        int[] back = [exit, .. Enumerable.Range(hops + 1, hops - 1), 0];
        return (2 * hops, (over, back));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes.Reverse())
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
    }
}
