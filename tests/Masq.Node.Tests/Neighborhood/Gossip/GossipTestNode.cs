using System.Net;
using System.Security.Cryptography;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Tests.Neighborhood.Records;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>
/// A Node for gossip tests: a real key pair on the dev chain, an address 10.0.0.n:5000+n, and (lazily) its own database.
/// It can also sign hand-made versions of its record, for playing a peer that sends gossip to the Node under test.
/// </summary>
internal sealed class GossipTestNode
{
    private NeighborhoodDatabase? _db;

    private GossipTestNode(int number, TimeProvider time, bool acceptsConnections, RatePack ratePack)
    {
        Number = number;
        Time = time;
        Crypt = DeterministicKeys(number);
        AcceptsConnections = acceptsConnections;
        RatePack = ratePack;
        Ip = new IPAddress([10, 0, (byte)(number / 250), (byte)((number % 250) + 1)]);
        Address = new NodeAddr(Ip, [5000 + number]);
    }

    public int Number { get; }

    public TimeProvider Time { get; }

    public CryptDeReal Crypt { get; }

    public PublicKey Key => Crypt.PublicKey;

    public bool AcceptsConnections { get; }

    public RatePack RatePack { get; }

    public IPAddress Ip { get; }

    public NodeAddr Address { get; }

    /// <summary>The socket its gossip arrives from: its own clandestine port, as for a connection it listens on.</summary>
    public IPEndPoint Socket => new(Ip, Address.Ports[0]);

    /// <summary>This Node's own database (created on first use), rooted at version 0 with no neighbors.</summary>
    public NeighborhoodDatabase Db => _db ??= new NeighborhoodDatabase(
        Crypt, Inner([], 0), AcceptsConnections ? Address : null, Time);

    public static GossipTestNode Create(int number, TimeProvider? time = null, bool acceptsConnections = true, RatePack? ratePack = null) =>
        new(number, time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), acceptsConnections, ratePack ?? RatePack.Default);

    /// <summary>Keys derived from the number, so that tie-breaks by key (and so simulations) are reproducible.</summary>
    public static CryptDeReal DeterministicKeys(int number)
    {
        byte[] seed = SHA512.HashData(BitConverter.GetBytes(number));
        return CryptDeReal.Import([1, .. seed], Chain.Dev.ContractAddress.Bytes);
    }

    public NodeRecordInner Inner(IEnumerable<PublicKey> neighbors, uint version, RatePack? ratePack = null) =>
        new(Key, RecordSamples.Wallet, ratePack ?? RatePack, neighbors, AcceptsConnections, routesData: true, version, "AT");

    public SignedNodeRecord Sign(IEnumerable<PublicKey> neighbors, uint version, RatePack? ratePack = null) =>
        SignedNodeRecord.Create(Crypt, Inner(neighbors, version, ratePack));

    /// <summary>A gossip record for this Node, revealing its address unless told otherwise.</summary>
    public GossipNodeRecord Record(IEnumerable<PublicKey> neighbors, uint version, bool revealAddress = true, NodeAddr? address = null, RatePack? ratePack = null) =>
        new(Sign(neighbors, version, ratePack), revealAddress ? address ?? Address : null);

    /// <summary>A database record for this Node as another Node would store it.</summary>
    public NodeRecord StoredRecord(IEnumerable<PublicKey> neighbors, uint version, bool withAddress = true)
    {
        var inner = Inner(neighbors, version);
        return new NodeRecord(SignedNodeRecord.Create(Crypt, inner), inner, withAddress ? Address : null, Time.GetUtcNow());
    }
}
