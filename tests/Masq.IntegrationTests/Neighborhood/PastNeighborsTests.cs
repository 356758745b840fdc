using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// The bounce of neighborhood.md §9 node_remembers_its_neighbors_across_a_bounce: a subject with a database password
/// joins a first Node that already has a neighbor, is shut down through the UI once it has a full neighbor, and is
/// started again with no <c>--neighbors</c>. The two older Nodes log at debug level, so their log files show the
/// gossip they receive.
/// </summary>
public sealed class BounceFixture : MeshEnvironment
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    internal MeshMember First { get; private set; } = null!;

    internal MeshMember Second { get; private set; } = null!;

    internal MeshMember Subject { get; private set; } = null!;

    /// <summary>The subject's full neighbors just before it was shut down (what it should have saved).</summary>
    internal IReadOnlyList<MeshMember> OldNeighbors { get; private set; } = [];

    /// <summary>How long each old neighbor's log file was when the subject was restarted.</summary>
    internal IReadOnlyDictionary<MeshMember, int> LogLengthsAtRestart { get; private set; } = new Dictionary<MeshMember, int>();

    protected override async Task StartNodesAsync()
    {
        var verbose = MeshNodeOptions.Standard with { LogLevel = "debug" };
        First = await Mesh.StartNodeAsync(verbose, "bounce-first");
        Second = await Mesh.StartNodeAsync(verbose with { Neighbors = [First.Descriptor] }, "bounce-second");
        Subject = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(First), "bounce-subject");
        await Mesh.WaitForStageAsync(Subject, UiConnectionStage.ConnectedToNeighbor, Guard);

        // The past neighbors are saved while the gossip that changed the full neighbors is handled, before the
        // Neighborhood answers the next UI request: once the graph shows a full neighbor, it is in the database.
        OldNeighbors = await FullNeighborsAsync(Subject, [First, Second]);

        await Subject.StopAsync();
        if (Subject.IsRunning)
        {
            throw new InvalidOperationException($"{Subject.Name} did not stop on the UI's shutdown:\n{Subject.Tail()}");
        }

        LogLengthsAtRestart = OldNeighbors.ToDictionary(n => n, n => n.ReadLogFile().Length);
        await Subject.RestartAsync(MeshNodeOptions.Standard);
    }

    /// <summary>Waits until <paramref name="member"/>'s graph shows full neighbors among <paramref name="candidates"/>.</summary>
    private async Task<IReadOnlyList<MeshMember>> FullNeighborsAsync(MeshMember member, IReadOnlyList<MeshMember> candidates)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (true)
        {
            var graph = await member.GraphAsync();
            var root = graph.Root ?? graph.IdOf(member);
            IReadOnlyList<MeshMember> full = root is null ? [] : [.. graph.FullNeighborsOf(root).Select(id => MeshGraph.MemberOf(id, candidates)).OfType<MeshMember>()];
            if (full.Count > 0)
            {
                return full;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{member.Name} has no full neighbor after {Guard.TotalSeconds:0} s:\n{graph}\n{member.Tail(80)}\n{Mesh.Report(except: member)}");
            }

            await Task.Delay(250);
        }
    }
}

/// <summary>neighborhood.md §7 and §9: a Node keeps its full neighbors in its database and debuts to them after a bounce.</summary>
[Collection(MeshCollection.Name)]
public sealed class PastNeighborsTests(BounceFixture fixture) : IClassFixture<BounceFixture>
{
    [Fact]
    public async Task Remembers_neighbors_across_a_bounce()
    {
        var subject = fixture.Subject;
        string[] debuts = [.. fixture.OldNeighbors.Select(n => $"Debuting to {n.Ip}:{n.ClandestinePort}")];
        bool Debuted() => debuts.Any(d => subject.CurrentOutput.Contains(d, StringComparison.Ordinal));

        // The old neighbor's own log shows gossip from the subject's address after the restart (the reference test
        // waits for the same on the originating Node).
        bool Received() => fixture.OldNeighbors.Any(n =>
            n.ReadLogFile() is var log && log.Length > fixture.LogLengthsAtRestart[n]
            && log[fixture.LogLengthsAtRestart[n]..].Contains($"record(s) from {subject.Ip}:", StringComparison.Ordinal));

        var deadline = DateTime.UtcNow + BounceFixture.Guard;
        while (!(Debuted() && Received()) && DateTime.UtcNow < deadline && subject.IsRunning)
        {
            await Task.Delay(200);
        }

        Assert.True(Debuted(), $"after the bounce {subject.Name} did not debut to an old full neighbor ({string.Join(", ", fixture.OldNeighbors.Select(n => n.Name))}); expected one of [{string.Join("; ", debuts)}]:\n{subject.Tail(80)}");
        Assert.Contains("past neighbor", subject.CurrentOutput, StringComparison.Ordinal);
        Assert.True(Received(), $"no old neighbor logged gossip from {subject.Ip} after the bounce:\n{fixture.Mesh.Report()}");
    }

    /// <summary>
    /// Stronger than the reference's test: the bounced Node joins again. Its restarted record has version 0 while the
    /// old neighbor still holds a higher one (neighborhood.md §2 Versions), which the reference ignores.
    /// </summary>
    [Fact]
    public async Task A_bounced_Node_is_connected_again()
    {
        await fixture.Mesh.WaitForStageAsync(fixture.Subject, UiConnectionStage.ConnectedToNeighbor, BounceFixture.Guard);
    }
}
