using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Gossip;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Masq.Node.Tests.Neighborhood.Gossip;

/// <summary>
/// In-memory networks of real acceptors and producers exchanging gossip through the codec: Debuts, Passes,
/// Introductions and Standard gossip until nobody has anything new to say (neighborhood.md §3.6, §8).
/// </summary>
public sealed class GossipSimulationTests
{
    private readonly ITestOutputHelper _output;

    public GossipSimulationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <param name="entrySeed">0: every Node debuts to Node 0; otherwise to a random earlier Node.</param>
    /// <param name="minDegree">
    /// Late joiners of a saturated neighborhood can end with one neighbor: the Node they are introduced to is full and
    /// its Pass chain loops (the reference's algorithm; §3.3 keeps no state to steer Passes elsewhere).
    /// </param>
    [Theory]
    [InlineData(20, 0, 2)]
    [InlineData(40, 7, 1)]
    public void Nodes_debuting_one_by_one_converge_to_a_connected_mesh_of_bounded_degree(int count, int entrySeed, int minDegree)
    {
        var mesh = new GossipMesh(count);
        var random = new Random(entrySeed);
        int worstJoin = 0;
        for (int i = 1; i < count; i++)
        {
            mesh.Debut(i, entrySeed == 0 ? 0 : random.Next(i));
            int messages = mesh.Run();
            worstJoin = Math.Max(worstJoin, messages);

            // No storm: a join settles in a bounded number of messages (each Node gossips to at most ~MaxDegree
            // half neighbors per change, and changes are bounded by the degree limit).
            Assert.InRange(messages, 1, 8 * NeighborhoodDatabase.MaxDegree * NeighborhoodDatabase.MaxDegree);
            mesh.Time.Advance(TimeSpan.FromSeconds(5));
        }

        var degrees = mesh.Nodes.Select(node => node.Db.RootFullNeighborCount()).ToList();
        _output.WriteLine($"full-neighbor counts: {string.Join(' ', degrees)}; messages: {mesh.Delivered}; worst join: {worstJoin}; failures: {mesh.Failures}");
        Assert.Equal(0, mesh.Failures);
        Assert.All(degrees, degree => Assert.InRange(degree, minDegree, NeighborhoodDatabase.MaxDegree));
        Assert.Equal(count, mesh.ReachableFrom(0));

        // Converged: every Node's records of its full neighbors are the neighbors' current ones.
        foreach (var node in mesh.Nodes)
        {
            foreach (var neighbor in node.Db.FullNeighbors(node.Key))
            {
                Assert.Equal(mesh.Node(neighbor.Key).Db.Root.Version, neighbor.Version);
            }
        }

        // Gossiping again changes nothing anywhere: the network is quiet.
        foreach (var node in mesh.Nodes)
        {
            mesh.GossipFrom(node.Number);
        }

        mesh.Run();
        Assert.Equal(0, mesh.AcceptedSinceMark);
    }

    [Fact]
    public void Lone_pair_becomes_full_neighbors_through_the_root_only_reply()
    {
        var mesh = new GossipMesh(2);
        mesh.Debut(1, 0);

        mesh.Run();

        Assert.True(mesh.Nodes[0].Db.HasFullNeighbor(mesh.Nodes[0].Key, mesh.Nodes[1].Key));
        Assert.True(mesh.Nodes[1].Db.HasFullNeighbor(mesh.Nodes[1].Key, mesh.Nodes[0].Key));
    }

    /// <summary>
    /// The NAT mesh's start (NatMesh): three Nodes debut to a lone one at the same moment, then three more debut one
    /// each to those three. The introducer used to answer the simultaneous Debuts with no Introduction (none of its
    /// neighborships was full yet), so the mesh was a star around it and its death cut every other Node off. Now no single
    /// Node's death splits the mesh.
    /// </summary>
    [Fact]
    public void Nodes_debuting_at_the_same_moment_form_a_mesh_that_no_single_death_splits()
    {
        var mesh = new GossipMesh(7);
        mesh.Debut(1, 0);
        mesh.Debut(2, 0);
        mesh.Debut(3, 0);
        mesh.Run();
        for (int i = 4; i < 7; i++)
        {
            mesh.Debut(i, 7 - i);
            mesh.Run();
            mesh.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(0, mesh.Failures);
        Assert.Equal(7, mesh.ReachableFrom(0));
        for (int dead = 0; dead < 7; dead++)
        {
            int start = dead == 6 ? 5 : 6;
            Assert.True(mesh.ReachableFrom(start, without: dead) == 6, $"the death of Node {dead} splits the mesh");
        }
    }

    /// <summary>The network: nodes, their acceptors and producers, and a FIFO of messages in flight.</summary>
    private sealed class GossipMesh
    {
        private readonly List<GossipAcceptor> _acceptors = [];
        private readonly List<GossipProducer> _producers = [];
        private readonly Queue<(int From, int To, Masq.Node.Neighborhood.Gossip.Gossip Gossip)> _inFlight = new();

        public GossipMesh(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var node = GossipTestNode.Create(i, Time);
                Nodes.Add(node);
                _acceptors.Add(new GossipAcceptor(node.Crypt, Time));
                _producers.Add(new GossipProducer(Time));
            }
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        public List<GossipTestNode> Nodes { get; } = [];

        public int Delivered { get; private set; }

        public int Failures { get; private set; }

        public int AcceptedSinceMark { get; private set; }

        public GossipTestNode Node(Masq.Node.Crypto.PublicKey key) => Nodes.Single(node => node.Key.Equals(key));

        public void Debut(int from, int to) => _inFlight.Enqueue((from, to, _producers[from].ProduceDebut(Nodes[from].Db)));

        public void GossipFrom(int from)
        {
            AcceptedSinceMark = 0;
            foreach (var target in _producers[from].GossipTargets(Nodes[from].Db))
            {
                if (_producers[from].Produce(Nodes[from].Db, target) is { } gossip)
                {
                    _inFlight.Enqueue((from, Node(target).Number, gossip));
                }
            }
        }

        /// <summary>Delivers until nothing is in flight; returns how many messages that took.</summary>
        public int Run()
        {
            int delivered = 0;
            while (_inFlight.TryDequeue(out var message))
            {
                Assert.True(++delivered < 100_000, "gossip storm: the network does not settle");
                Deliver(message.From, message.To, message.Gossip);
            }

            Delivered += delivered;
            return delivered;
        }

        public int ReachableFrom(int start, int without = -1)
        {
            var seen = new HashSet<int> { start };
            if (without >= 0)
            {
                seen.Add(without);
            }

            var queue = new Queue<int>([start]);
            while (queue.TryDequeue(out int current))
            {
                foreach (var neighbor in Nodes[current].Db.FullNeighbors(Nodes[current].Key))
                {
                    if (seen.Add(Node(neighbor.Key).Number))
                    {
                        queue.Enqueue(Node(neighbor.Key).Number);
                    }
                }
            }

            return seen.Count - (without >= 0 ? 1 : 0);
        }

        private void Deliver(int from, int to, Masq.Node.Neighborhood.Gossip.Gossip gossip)
        {
            // Through the wire format, as a real Node would receive it.
            var received = Masq.Node.Neighborhood.Gossip.Gossip.Decode(gossip.ToMessage());
            var node = Nodes[to];
            var handling = _acceptors[to].Handle(node.Db, received, Nodes[from].Socket);
            switch (handling.Outcome)
            {
                case GossipOutcome.Accepted:
                    AcceptedSinceMark++;
                    foreach (var target in _producers[to].GossipTargets(node.Db))
                    {
                        if (_producers[to].Produce(node.Db, target) is { } standard)
                        {
                            _inFlight.Enqueue((to, Node(target).Number, standard));
                        }
                    }

                    break;
                case GossipOutcome.Reply reply:
                    _inFlight.Enqueue((to, Nodes.Single(n => n.Ip.Equals(reply.Address.Ip)).Number, reply.Gossip));
                    break;
                case GossipOutcome.Failed:
                    Failures++;
                    break;
                case GossipOutcome.Ban ban:
                    Assert.Fail($"honest Node {from} was banned by {to}: {ban.Reason}");
                    break;
            }
        }
    }
}
