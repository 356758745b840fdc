using System.Net;
using BenchmarkDotNet.Attributes;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;

namespace Masq.Benchmarks;

/// <summary>
/// The Neighborhood's per-message gossip work (neighborhood.md §3, §8): a radius-3 patch at degree 5 is about 106
/// records. Handling a Standard gossip of that size that brings nothing new (the common case while a mesh
/// converges: every record's signature is still checked), decoding it, and producing Standard gossip from such a
/// database for one neighbor.
/// </summary>
[MemoryDiagnoser]
public class GossipBenchmarks
{
    private readonly WalletAddress _wallet = WalletAddress.Parse("0x0102030405060708090a0b0c0d0e0f1011121314");

    private NeighborhoodDatabase _db = null!;
    private GossipAcceptor _acceptor = null!;
    private GossipProducer _producer = null!;
    private Masq.Node.Neighborhood.Gossip.Gossip _gossip = null!;
    private GossipMessage _message = null!;
    private IPEndPoint _source = null!;
    private PublicKey _neighbor = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] contract = Chain.Dev.ContractAddress.Bytes.ToArray();
        var root = CryptDeReal.Generate(contract);
        var first = CryptDeReal.Generate(contract);
        _neighbor = first.PublicKey;
        var firstAddress = new NodeAddr(IPAddress.Parse("10.0.0.1"), [5001]);
        _source = new IPEndPoint(firstAddress.Ip, 5001);

        // Root - 5 level-1 Nodes - 4 children each - 4 grandchildren each: 105 records besides the root, all within
        // the 3-hop patch.
        var level1 = new List<CryptDeReal> { first };
        level1.AddRange(Enumerable.Range(0, 4).Select(_ => CryptDeReal.Generate(contract)));
        var level2 = level1.ToDictionary(parent => parent, _ => Enumerable.Range(0, 4).Select(_ => CryptDeReal.Generate(contract)).ToList());
        var level3 = level2.Values.SelectMany(children => children)
            .ToDictionary(parent => parent, _ => Enumerable.Range(0, 4).Select(_ => CryptDeReal.Generate(contract)).ToList());

        var records = new List<GossipNodeRecord>();
        foreach (var node in level1)
        {
            var neighbors = level2[node].Select(c => c.PublicKey).Append(root.PublicKey);
            records.Add(new GossipNodeRecord(Sign(node, neighbors), node == first ? firstAddress : null));
        }

        foreach (var (parent, children) in level2)
        {
            foreach (var child in children)
            {
                records.Add(new GossipNodeRecord(Sign(child, level3[child].Select(c => c.PublicKey).Append(parent.PublicKey)), null));
            }
        }

        foreach (var (parent, children) in level3)
        {
            foreach (var child in children)
            {
                records.Add(new GossipNodeRecord(Sign(child, [parent.PublicKey]), null));
            }
        }

        _gossip = new Masq.Node.Neighborhood.Gossip.Gossip(records);
        _message = _gossip.ToMessage();
        _db = new NeighborhoodDatabase(root, Inner(root.PublicKey, [], 0), new NodeAddr(IPAddress.Parse("10.0.0.100"), [5100]), TimeProvider.System);
        foreach (var node in level1)
        {
            // The root already has the five level-1 Nodes as neighbors, at version 0; the gossip brings version 1.
            var inner = Inner(node.PublicKey, [root.PublicKey], 0);
            _db.Add(new NodeRecord(SignedNodeRecord.Create(node, inner), inner, node == first ? firstAddress : null, DateTimeOffset.UtcNow));
            _db.AddRootNeighbor(node.PublicKey);
        }

        _acceptor = new GossipAcceptor(root, TimeProvider.System);
        _producer = new GossipProducer(TimeProvider.System);
        if (_acceptor.Handle(_db, _gossip, _source).Outcome is not GossipOutcome.Accepted || _db.Count != records.Count + 1)
        {
            throw new InvalidOperationException("The benchmark database did not take the gossip.");
        }
    }

    [Benchmark(Description = "handle Standard gossip, 105 records, nothing new")]
    public object HandleStandard() => _acceptor.Handle(_db, _gossip, _source);

    [Benchmark(Description = "decode Standard gossip, 105 records")]
    public object Decode() => Masq.Node.Neighborhood.Gossip.Gossip.Decode(_message);

    [Benchmark(Description = "produce Standard gossip from a 106-node database")]
    public object? Produce() => _producer.Produce(_db, _neighbor);

    private NodeRecordInner Inner(PublicKey key, IEnumerable<PublicKey> neighbors, uint version) =>
        new(key, _wallet, RatePack.Default, neighbors, acceptsConnections: true, routesData: true, version, "AT");

    private SignedNodeRecord Sign(CryptDeReal node, IEnumerable<PublicKey> neighbors) =>
        SignedNodeRecord.Create(node, Inner(node.PublicKey, neighbors, 1));
}
