using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// Follows one member's <c>trafficStats</c> broadcasts on a UI connection of its own: the Node sends them about once a
/// second while its counters change and every few seconds when idle. Its <c>Exit</c> counters are the bytes it moved to
/// and from destination servers as an exit, which shows which Node carried a download out of the mesh.
/// </summary>
internal sealed class TrafficWatch : IAsyncDisposable
{
    /// <summary>Idle broadcasts come every 5 s; a loaded machine gets ample slack (a failure guard only).</summary>
    private static readonly TimeSpan BroadcastTimeout = TimeSpan.FromSeconds(45);

    private readonly UiClient _ui;
    private readonly Lock _gate = new();
    private UiTrafficStatsBroadcast? _latest;
    private long _received;

    private TrafficWatch(MeshMember member, UiClient ui)
    {
        Member = member;
        _ui = ui;
        _ui.MessageReceived += OnMessage;
    }

    public MeshMember Member { get; }

    /// <summary>The last broadcast received, without waiting; null before the first.</summary>
    public UiTrafficStatsBroadcast? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    public static async Task<TrafficWatch> StartAsync(MeshMember member) => new(member, await member.ConnectUiAsync());

    /// <summary>
    /// The counters of a broadcast the Node computed after this call began, so they include everything finished before
    /// it (the first broadcast to arrive may have been computed just before, so the second one is taken).
    /// </summary>
    public async Task<UiTrafficStatsBroadcast> FreshAsync(Func<string> context)
    {
        long start;
        lock (_gate)
        {
            start = _received;
        }

        return await WaitAsync((_, received) => received >= start + 2, "two more trafficStats broadcasts", context);
    }

    /// <summary>Waits for a broadcast whose counters satisfy <paramref name="condition"/>, failing with <paramref name="context"/>.</summary>
    public Task<UiTrafficStatsBroadcast> WaitForAsync(Func<UiTrafficStatsBroadcast, bool> condition, string description, Func<string> context) =>
        WaitAsync((stats, _) => condition(stats), description, context);

    /// <summary>
    /// Runs <paramref name="download"/> and asserts that it left the mesh through <paramref name="exit"/> (whose exit
    /// bytes in grow by at least <paramref name="bytes"/>) and not through <paramref name="other"/> (whose exit
    /// counters stay as they were).
    /// </summary>
    public static async Task AssertExitAsync(TrafficWatch exit, TrafficWatch other, ulong bytes, string what, Func<Task> download, Func<string> context)
    {
        var exitBefore = await exit.FreshAsync(context);
        var otherBefore = await other.FreshAsync(context);
        await download();
        await exit.WaitForAsync(
            s => s.Exit.BytesIn >= exitBefore.Exit.BytesIn + bytes,
            $"exit bytes in of at least {exitBefore.Exit.BytesIn + bytes} ({exit.Member.Name} carried {what})",
            context);
        var otherAfter = await other.FreshAsync(context);
        Assert.True(
            otherAfter.Exit == otherBefore.Exit,
            $"{other.Member.Name} moved exit bytes during {what}, which was to leave through {exit.Member.Name} only: before {Describe(otherBefore)}, after {Describe(otherAfter)}\n{context()}");
    }

    public static string Describe(UiTrafficStatsBroadcast? stats) => stats is null
        ? "none"
        : $"exit {stats.Exit.BytesIn} in / {stats.Exit.BytesOut} out, routed {stats.Routed.BytesIn} in / {stats.Routed.BytesOut} out, "
          + $"consumed {stats.Consumed.BytesIn} in / {stats.Consumed.BytesOut} out";

    public async ValueTask DisposeAsync()
    {
        _ui.MessageReceived -= OnMessage;
        await _ui.DisposeAsync();
    }

    private async Task<UiTrafficStatsBroadcast> WaitAsync(Func<UiTrafficStatsBroadcast, long, bool> condition, string description, Func<string> context)
    {
        var deadline = DateTime.UtcNow + BroadcastTimeout;
        while (true)
        {
            UiTrafficStatsBroadcast? latest;
            long received;
            lock (_gate)
            {
                latest = _latest;
                received = _received;
            }

            if (latest is not null && condition(latest, received))
            {
                return latest;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(
                    $"{Member.Name}'s UI did not broadcast {description} within {BroadcastTimeout.TotalSeconds:0} s "
                    + $"(last broadcast: {Describe(latest)}):\n{context()}");
            }

            await Task.Delay(200);
        }
    }

    private void OnMessage(UiEnvelope envelope)
    {
        if (envelope.Opcode == Opcodes.TrafficStats && envelope.TryGetPayload<UiTrafficStatsBroadcast>(out var stats, out _))
        {
            lock (_gate)
            {
                _latest = stats;
                _received++;
            }
        }
    }
}
