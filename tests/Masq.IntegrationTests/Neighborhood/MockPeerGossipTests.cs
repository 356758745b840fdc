using System.Text;
using Masq.IntegrationTests.Neighborhood.MockPeers;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Gossip;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// The reference's mock-Node acceptance scenarios (neighborhood.md §9) against real MASQNode processes: a
/// <see cref="MockPeer"/> with its own key pair and address debuts to real Nodes or feeds them hand-made gossip, and
/// checks what kind of gossip they answer with. Each scenario is built so the Node's rules (§3.3) leave it one right
/// answer; the Nodes each test starts are killed when it ends. Waits poll the Nodes' graphs up to generous guards.
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class MockPeerGossipTests(MeshEnvironment environment) : IClassFixture<MeshEnvironment>, IAsyncLifetime
{
    /// <summary>How long a Node may take to answer one message (a failure guard only).</summary>
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long gossip among real Nodes may take to settle (a failure guard only).</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);

    private static readonly MeshNodeOptions Verbose = MeshNodeOptions.Standard with { LogLevel = "debug" };

    private readonly List<MeshMember> _members = [];
    private readonly List<MockPeer> _peers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }

        foreach (var member in _members)
        {
            await member.KillAsync();
        }
    }

    /// <summary>
    /// debut_target_does_not_introduce_known_neighbors: a debuter whose record already lists both of the target's
    /// neighbors is taken without an Introduction (it is answering one, as far as the target can tell) and gets Standard
    /// gossip: the target, now listing it, and the two shared neighbors.
    /// </summary>
    [Fact]
    public async Task Debut_target_does_not_introduce_known_neighbors()
    {
        var subject = await StartAsync(Verbose, "known-subject");
        var one = await StartAsync(MeshNodeOptions.DebutTo(subject), "known-one");
        var two = await StartAsync(MeshNodeOptions.DebutTo(subject), "known-two");
        var subjectKey = await MockPeer.KeyOfAsync(subject);
        var oneKey = await MockPeer.KeyOfAsync(one);
        var twoKey = await MockPeer.KeyOfAsync(two);
        await WaitForGraphAsync(
            subject,
            graph => FullNeighbors(graph, subjectKey).IsSupersetOf([oneKey.ToString(), twoKey.ToString()]),
            "both debuters as full neighbors");

        var debuter = NewPeer("known-debuter");
        debuter.Neighbors = [oneKey, twoKey];
        await debuter.DebutAsync(subject.ClandestineEndpoint, subjectKey);
        var reply = await debuter.NextAsync(ReplyTimeout);

        Assert.True(
            reply is { Kind: ReceivedGossipKind.Standard } && reply.Sender.Address.Equals(subject.Ip),
            $"the subject answered a Debut listing its neighbors with {Describe(reply)}, not Standard gossip\n{Context()}");
        Assert.True(
            reply.Keys.Select(k => k.ToString()).ToHashSet().SetEquals([subjectKey.ToString(), oneKey.ToString(), twoKey.ToString()]),
            $"the Standard gossip should carry exactly the subject, one and two:\n{reply}\n{Context()}");
        Assert.True(
            reply.RecordOf(subjectKey)!.Inner.Neighbors.Contains(debuter.Key),
            $"the subject's record does not list the debuter it accepted:\n{reply}\n{Context()}");
    }

    /// <summary>
    /// debut_target_does_not_pass_to_known_neighbors: a target with the maximum five full neighbors, all of which the
    /// debuter already lists, has nobody to accept, introduce or pass it to, so it answers GossipFailure
    /// NoSuitableNeighbors and keeps no record of it. The five neighbors are mock peers (as in the reference), each
    /// debuting with a record that lists the target, which makes it a full neighbor at once.
    /// </summary>
    [Fact]
    public async Task Debut_target_does_not_pass_to_known_neighbors()
    {
        var subject = await StartAsync(Verbose, "refusing-subject");
        var subjectKey = await MockPeer.KeyOfAsync(subject);
        var neighbors = new List<MockPeer>();
        for (int i = 0; i < 5; i++)
        {
            var neighbor = NewPeer($"refusing-neighbor-{i}");
            neighbor.Neighbors = [subjectKey];
            await neighbor.DebutAsync(subject.ClandestineEndpoint, subjectKey);
            await WaitForGossipListingAsync(neighbor, subjectKey);
            neighbors.Add(neighbor);
        }

        await WaitForGraphAsync(
            subject,
            graph => FullNeighbors(graph, subjectKey).SetEquals(neighbors.Select(n => n.Key.ToString())),
            "exactly the five mock neighbors as full neighbors");

        var debuter = NewPeer("refusing-debuter");
        debuter.Neighbors = [.. neighbors.Select(n => n.Key)];
        await debuter.DebutAsync(subject.ClandestineEndpoint, subjectKey);
        var reply = await debuter.NextAsync(ReplyTimeout);

        Assert.True(
            reply is { Kind: ReceivedGossipKind.Failure, Failure: GossipFailureKind.NoSuitableNeighbors } && reply.Sender.Address.Equals(subject.Ip),
            $"the full subject answered a Debut listing all its neighbors with {Describe(reply)}, not GossipFailure NoSuitableNeighbors\n{Context()}");
        var graph = await subject.GraphAsync();
        Assert.True(
            !graph.Records.Contains(debuter.Key.ToString()) && FullNeighbors(graph, subjectKey).Count == 5,
            $"the refused debuter should leave the subject's database as it was:\n{graph}\n{Context()}");
    }

    /// <summary>
    /// graph_connects_but_does_not_over_connect (the mock part): four Nodes join a first one, each after the previous
    /// one has its neighbors; the mock debuts to the last (following Passes, as the reference does) and must get an
    /// Introduction, then claims the link in Standard gossip and must get Standard gossip back covering all five real
    /// Nodes, each listing between 2 and 5 neighbors (the mock not counted).
    /// </summary>
    [Fact]
    public async Task Graph_connects_but_does_not_over_connect()
    {
        var first = await StartAsync(Verbose, "connects-0");
        var real = new List<MeshMember> { first };
        for (int i = 1; i < 5; i++)
        {
            var member = await StartAsync(Verbose with { Neighbors = [first.Descriptor] }, $"connects-{i}");
            var key = await MockPeer.KeyOfAsync(member);
            int wanted = Math.Min(i, 2);
            await WaitForGraphAsync(member, graph => FullNeighbors(graph, key).Count >= wanted, $"at least {wanted} full neighbors");
            real.Add(member);
        }

        var keys = new Dictionary<MeshMember, PublicKey>();
        foreach (var member in real)
        {
            keys[member] = await MockPeer.KeyOfAsync(member);
        }

        // Settled: the last Node knows all five records, each listing at least two neighbors.
        await WaitForGraphAsync(
            real[^1],
            graph => keys.Values.All(k => graph.Records.Contains(k.ToString()) && graph.HalfNeighborsOf(k.ToString()).Count >= 2),
            "all five records, each with at least two neighbors");

        var mock = NewPeer("connects-mock");
        var target = real[^1];
        ReceivedGossip? introduction = null;
        for (int attempt = 0; attempt < 5 && introduction is null; attempt++)
        {
            await mock.DebutAsync(target.ClandestineEndpoint, keys[target]);
            var reply = await mock.NextAsync(ReplyTimeout);
            if (reply is { Kind: ReceivedGossipKind.Pass } pass && real.FirstOrDefault(m => m.Ip.Equals(pass.Records[0].NodeAddr?.Ip)) is { } next)
            {
                target = next;
                continue;
            }

            Assert.True(
                reply is { Kind: ReceivedGossipKind.Introduction } && reply.Sender.Address.Equals(target.Ip),
                $"{target.Name} answered the mock's Debut with {Describe(reply)}, not an Introduction\n{Context()}");
            introduction = reply;
        }

        Assert.True(introduction is not null, $"the mock was passed on five times without an Introduction\n{Context()}");
        var targetKey = keys[target];

        mock.Version = 1;
        mock.Neighbors = [targetKey];
        await mock.SendGossipAsync(target.ClandestineEndpoint, targetKey, [mock.OwnRecord()]);
        var standard = await mock.WaitForAsync(
            m => m.Kind == ReceivedGossipKind.Standard && m.RecordOf(targetKey)?.Inner.Neighbors.Contains(mock.Key) == true,
            ReplyTimeout);

        Assert.True(standard is not null, $"{target.Name} sent no Standard gossip listing the mock after its Standard gossip\n{Context()}");
        foreach (var member in real)
        {
            var record = standard.RecordOf(keys[member]);
            Assert.True(record is not null, $"the Standard gossip from {target.Name} leaves out {member.Name}:\n{standard}\n{Context()}");
            int count = record.Inner.Neighbors.Count(n => !n.Equals(mock.Key));
            Assert.True(count is >= 2 and <= 5, $"{member.Name} lists {count} real neighbors in {target.Name}'s Standard gossip:\n{standard}\n{Context()}");
        }
    }

    /// <summary>
    /// downed_nodes_not_offered_in_passes_or_introductions: the subject has two full neighbors, "down" (degree 2, the
    /// one an Introduction would name) and "up" (degree 4: two mock peers also joined it). Once down's process is killed
    /// and the subject has dropped it, a new debuter is introduced to up, never to down.
    /// </summary>
    [Fact]
    public async Task Downed_nodes_not_offered_in_passes_or_introductions()
    {
        var subject = await StartAsync(Verbose, "downed-subject");
        var subjectKey = await MockPeer.KeyOfAsync(subject);
        var up = await StartAsync(MeshNodeOptions.DebutTo(subject), "downed-up");
        var upKey = await MockPeer.KeyOfAsync(up);
        await WaitForGraphAsync(subject, graph => FullNeighbors(graph, subjectKey).Contains(upKey.ToString()), "up as a full neighbor");

        // Two mock peers raise up's degree, so that down is the less connected neighbor the subject would introduce.
        for (int i = 0; i < 2; i++)
        {
            var helper = NewPeer($"downed-helper-{i}");
            helper.Neighbors = [upKey];
            await helper.DebutAsync(up.ClandestineEndpoint, upKey);
            await WaitForGossipListingAsync(helper, upKey);
        }

        var down = await StartAsync(MeshNodeOptions.DebutTo(subject), "downed-down");
        var downKey = await MockPeer.KeyOfAsync(down);
        var before = await WaitForGraphAsync(
            subject,
            graph => FullNeighbors(graph, subjectKey).IsSupersetOf([upKey.ToString(), downKey.ToString()])
                && FullNeighbors(graph, upKey).Count > FullNeighbors(graph, downKey).Count,
            "up and down as full neighbors, up the more connected");

        await down.KillAsync();
        await WaitForGraphAsync(
            subject,
            graph => !graph.HalfNeighborsOf(subjectKey.ToString()).Contains(downKey.ToString()),
            "down dropped from the subject's neighbors after its process was killed");

        var debuter = NewPeer("downed-debuter");
        await debuter.DebutAsync(subject.ClandestineEndpoint, subjectKey);
        var reply = await debuter.NextAsync(ReplyTimeout);

        Assert.True(
            reply is { Kind: ReceivedGossipKind.Introduction } && reply.Sender.Address.Equals(subject.Ip),
            $"the subject answered a Debut with {Describe(reply)}, not an Introduction\n{Context()}");
        Assert.True(
            reply.Introducee!.Key.Equals(upKey),
            $"the subject introduced {reply.Introducee} (down is {downKey.ToString()[..8]}, up {upKey.ToString()[..8]}); before the kill its graph was:\n{before}\n{Context()}");
    }

    /// <summary>
    /// lots_of_stalled_nodes_dont_prevent_acceptance_of_new_node: five mock peers debut to a root that has one real
    /// full neighbor and never answer its Introductions (they stay connected: half neighbors whose links are up). The
    /// root lists six neighbors, but only full ones count towards its degree, so a new debuter is still accepted and
    /// introduced to the full neighbor.
    /// </summary>
    [Fact]
    public async Task Lots_of_stalled_nodes_dont_prevent_acceptance_of_new_node()
    {
        var root = await StartAsync(Verbose, "stalled-root");
        var rootKey = await MockPeer.KeyOfAsync(root);
        var full = await StartAsync(MeshNodeOptions.DebutTo(root), "stalled-full");
        var fullKey = await MockPeer.KeyOfAsync(full);
        await WaitForGraphAsync(root, graph => FullNeighbors(graph, rootKey).Contains(fullKey.ToString()), "the real Node as a full neighbor");

        var stalled = new List<MockPeer>();
        for (int i = 0; i < 5; i++)
        {
            var peer = NewPeer($"stalled-{i}");
            await peer.DebutAsync(root.ClandestineEndpoint, rootKey);
            var introduction = await peer.NextAsync(ReplyTimeout);
            Assert.True(
                introduction is { Kind: ReceivedGossipKind.Introduction },
                $"the root answered stalled peer {i}'s Debut with {Describe(introduction)}, not an Introduction\n{Context()}");
            stalled.Add(peer);
        }

        var before = await WaitForGraphAsync(
            root,
            graph => graph.HalfNeighborsOf(rootKey.ToString()).ToHashSet().SetEquals(stalled.Select(p => p.Key.ToString()).Append(fullKey.ToString()))
                && FullNeighbors(graph, rootKey).SetEquals([fullKey.ToString()]),
            "five stalled half neighbors and one full neighbor");

        var debuter = NewPeer("stalled-debuter");
        await debuter.DebutAsync(root.ClandestineEndpoint, rootKey);
        var reply = await debuter.NextAsync(ReplyTimeout);

        Assert.True(
            reply is { Kind: ReceivedGossipKind.Introduction } && reply.Sender.Address.Equals(root.Ip),
            $"a root with five stalled half neighbors answered a Debut with {Describe(reply)}, not an Introduction; its graph:\n{before}\n{Context()}");
        Assert.True(
            reply.Introducee!.Key.Equals(fullKey) && reply.RecordOf(rootKey)!.Inner.Neighbors.Contains(debuter.Key),
            $"the root should accept the debuter and introduce its full neighbor {fullKey.ToString()[..8]}:\n{reply}\n{Context()}");
    }

    private static HashSet<string> FullNeighbors(MeshGraph graph, PublicKey key) => [.. graph.FullNeighborsOf(key.ToString())];

    private static string Describe(ReceivedGossip? message) => message?.ToString() ?? "nothing";

    /// <summary>Waits for the Standard gossip by which <paramref name="nodeKey"/> shows it took <paramref name="peer"/> as a neighbor.</summary>
    private async Task WaitForGossipListingAsync(MockPeer peer, PublicKey nodeKey)
    {
        var gossip = await peer.WaitForAsync(m => m.RecordOf(nodeKey)?.Inner.Neighbors.Contains(peer.Key) == true, ReplyTimeout);
        Assert.True(gossip is not null, $"{nodeKey.ToString()[..8]} sent {peer} no gossip listing it after its Debut\n{Context()}");
    }

    private async Task<MeshMember> StartAsync(MeshNodeOptions options, string name)
    {
        var member = await environment.Mesh.StartNodeAsync(options, name);
        _members.Add(member);
        return member;
    }

    private MockPeer NewPeer(string name)
    {
        var peer = MockPeer.Start(name);
        _peers.Add(peer);
        return peer;
    }

    /// <summary>Polls <paramref name="member"/>'s graph until <paramref name="settled"/> holds; fails with everything known after <see cref="SettleTimeout"/>.</summary>
    private async Task<MeshGraph> WaitForGraphAsync(MeshMember member, Func<MeshGraph, bool> settled, string what)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var graph = await member.GraphAsync();
            if (settled(graph))
            {
                return graph;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{member.Name}'s graph did not show {what} within {SettleTimeout.TotalSeconds:0} s:\n{graph}\n{Context()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The test's Nodes' output and what its mock peers received, for failure messages.</summary>
    private string Context()
    {
        var text = new StringBuilder();
        foreach (var member in _members)
        {
            text.Append(member.Tail(40)).Append('\n');
        }

        foreach (var peer in _peers)
        {
            text.Append(peer.Report());
        }

        return text.ToString();
    }
}
