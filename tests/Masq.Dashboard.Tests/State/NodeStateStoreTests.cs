using Masq.Dashboard.State;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Dashboard.Tests.State;

public sealed class NodeStateStoreTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Logs_are_a_bounded_ring_buffer()
    {
        var store = new NodeStateStore(_clock, new StoreLimits { MaxLogEntries = 3 }, 5333);
        for (var i = 1; i <= 5; i++)
        {
            store.AddLog(new UiLogBroadcast($"line {i}", UiLogLevel.Info));
        }

        Assert.Equal(["line 3", "line 4", "line 5"], store.GetLogs().Select(l => l.Message));
        Assert.Equal(2, store.LogsDropped);
        Assert.Equal([3L, 4L, 5L], store.GetLogs().Select(l => l.Sequence));
    }

    [Fact]
    public void Financial_samples_are_bounded_and_only_taken_from_reported_stats()
    {
        var store = new NodeStateStore(_clock, new StoreLimits { MaxFinancialSamples = 2 }, 5333);
        var top = new UiTopRecordsConfig(10, UiTopRecordsOrdering.Balance);
        store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(1, 2, 3, 4)), top);
        store.AddFinancials(new UiFinancialsResponse(), top);
        store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(5, 6, -7, 8)), top);
        store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(9, 10, 11, 12)), top);

        var history = store.GetFinancialHistory();
        Assert.Equal(2, history.Count);
        Assert.Equal([5UL, 9UL], history.Select(s => s.UnpaidAndPendingPayableGwei));
        Assert.Equal(-7, history[0].UnpaidReceivableGwei);
    }

    [Fact]
    public void An_unchanged_answer_is_silent_but_still_adds_a_chart_point_now_and_then()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        var top = new UiTopRecordsConfig(10, UiTopRecordsOrdering.Balance);
        var heard = 0;
        using var subscription = store.Subscribe(StoreArea.Financials, _ => heard++);
        UiFinancialsResponse Answer() => new(new UiFinancialStatistics(1, 2, 3, 4), new UiQueryResults([new UiPayableAccount("0xa", 1, 2)], []));

        store.AddFinancials(Answer(), top);
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.AddFinancials(Answer(), top);
        Assert.Equal(1, heard);
        Assert.Single(store.GetFinancialHistory());

        _clock.Advance(TimeSpan.FromSeconds(5));
        store.AddFinancials(Answer(), top);
        Assert.Equal(2, heard);
        Assert.Equal(2, store.GetFinancialHistory().Count);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(-6), store.Financials!.At);

        store.AddFinancials(Answer() with { QueryResultsOpt = new UiQueryResults([new UiPayableAccount("0xa", 1, 3)], []) }, top);
        Assert.Equal(3, heard);
        Assert.Equal(_clock.GetUtcNow(), store.Financials!.At);
    }

    [Fact]
    public void Traffic_rates_come_from_the_difference_between_reports()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.AddTraffic(Report(0, 0, 0));
        _clock.Advance(TimeSpan.FromSeconds(2));
        store.AddTraffic(Report(2000, 4000, 600));

        var latest = store.LatestTraffic!;
        Assert.Null(store.GetTraffic()[0].Rates);
        Assert.Equal(1000, latest.Rates!.ConsumedInPerSecond);
        Assert.Equal(2000, latest.Rates.RoutedOutPerSecond);
        Assert.Equal(300, latest.Rates.ExitOutPerSecond);
        Assert.Equal(2300, latest.Rates.ServedPerSecond);
    }

    [Fact]
    public void A_restarted_node_does_not_produce_rates_against_the_old_counters()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.AddTraffic(Report(5000, 5000, 5000));
        store.NodeStarted(new UiStartResponse(1, 2));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.AddTraffic(Report(10, 10, 10));

        Assert.Null(store.LatestTraffic!.Rates);
    }

    [Fact]
    public void Crash_after_requested_shutdown_is_a_normal_stop()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.SetDaemon(DaemonLinkStatus.Connected);
        store.NodeStarted(new UiStartResponse(77, 40000));
        store.NodeShuttingDown();
        store.NodeCrashed(new UiCrashedBroadcast(77, CrashReason.Unrecognized(string.Empty)));

        Assert.Equal(NodeRunState.NotRunning, store.Node.State);
    }

    [Fact]
    public void A_clean_exit_ordered_by_another_client_is_a_stop_not_a_crash()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.SetDaemon(DaemonLinkStatus.Connected);
        store.ApplyRunning(true);
        Assert.Equal(NodeRunState.Running, store.Node.State);

        store.NodeCrashed(new UiCrashedBroadcast(77, CrashReason.Unrecognized(string.Empty)));

        Assert.Equal(NodeRunState.NotRunning, store.Node.State);
        Assert.Null(store.Node.CrashReason);
    }

    [Fact]
    public void A_Node_port_given_as_the_Daemon_port_is_that_Node_running()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.SetDaemon(DaemonLinkStatus.Connected);

        store.NodeDirect(40000);

        Assert.Equal(NodeRunState.Running, store.Node.State);
        Assert.Equal((ushort)40000, store.Node.UiPort);
    }

    [Fact]
    public void Unexpected_exit_is_a_crash_with_its_reason()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.SetDaemon(DaemonLinkStatus.Connected);
        store.NodeStarted(new UiStartResponse(77, 40000));
        store.SetDescriptor("masq://dev:abc@1.2.3.4:5678");
        store.NodeCrashed(new UiCrashedBroadcast(77, CrashReason.Unrecognized("panicked at 'boom'")));

        Assert.Equal(NodeRunState.Crashed, store.Node.State);
        Assert.Equal("panicked at 'boom'", store.Node.CrashReason!.Text);
        Assert.Null(store.Descriptor);
    }

    [Fact]
    public void Setup_answer_tells_whether_the_node_runs_but_keeps_a_crash_visible()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.SetDaemon(DaemonLinkStatus.Connected);
        store.ApplySetup(new UiSetupResponse(true, [], []), SetupOrigin.Refresh);
        Assert.Equal(NodeRunState.Running, store.Node.State);

        store.NodeCrashed(new UiCrashedBroadcast(1, CrashReason.NoInformation));
        store.ApplySetup(new UiSetupResponse(false, [], []), SetupOrigin.Refresh);
        Assert.Equal(NodeRunState.Crashed, store.Node.State);
    }

    [Fact]
    public void Losing_the_daemon_makes_the_node_state_unknown()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.SetDaemon(DaemonLinkStatus.Connected);
        store.NodeStarted(new UiStartResponse(1, 2));
        store.SetDaemon(DaemonLinkStatus.Lost, "closed");

        Assert.Equal(NodeRunState.Unknown, store.Node.State);
        Assert.Equal("closed", store.Daemon.Problem);
    }

    [Fact]
    public void Setup_snapshots_are_versioned_with_their_origin()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        var first = store.ApplySetup(new UiSetupResponse(false, [new UiSetupResponseValue("chain", "dev", SetupStatus.Set)], []), SetupOrigin.Tab, "tab1");
        var second = store.ApplySetup(new UiSetupResponse(false, [], []), SetupOrigin.OtherClient);

        Assert.True(second.Version > first.Version);
        Assert.Equal("dev", first.ValueOf("chain"));
        Assert.Equal(SetupOrigin.OtherClient, store.Setup!.Origin);
    }

    [Fact]
    public void Configuration_in_the_store_never_holds_the_consuming_key()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        store.SetConfiguration(Configuration() with { ConsumingWalletPrivateKeyOpt = "AB".PadRight(64, 'C') });

        Assert.Null(store.Configuration!.ConsumingWalletPrivateKeyOpt);
    }

    [Fact]
    public void Subscribers_hear_only_their_areas_until_they_unsubscribe()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        var heard = new List<StoreArea>();
        var subscription = store.Subscribe(StoreArea.Logs | StoreArea.Node, heard.Add);

        store.AddNotice(NoticeKind.Info, "x");
        store.AddLog(new UiLogBroadcast("m", UiLogLevel.Warn));
        subscription.Dispose();
        store.AddLog(new UiLogBroadcast("n", UiLogLevel.Warn));

        Assert.Equal([StoreArea.Logs], heard);
    }

    [Fact]
    public void Interest_is_counted()
    {
        var store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        var a = store.RegisterInterest(StoreArea.Neighborhood);
        var b = store.RegisterInterest(StoreArea.Neighborhood);
        a.Dispose();
        a.Dispose();
        Assert.True(store.IsWanted(StoreArea.Neighborhood));
        b.Dispose();
        Assert.False(store.IsWanted(StoreArea.Neighborhood));
    }

    internal static UiConfigurationResponse Configuration() => new(
        "base-sepolia", 4444, "10", 1, "standard", [],
        new UiPaymentThresholds(21600, 1_000_000_000, 1200, 1200, 500_000_000, 500_000_000),
        new UiRatePack(53844, 53844, 107688, 107688),
        new UiScanIntervals(600, 600, 600));

    private static TrafficReport Report(ulong consumedIn, ulong routedOut, ulong exitOut) =>
        new(new TrafficCounters(consumedIn, 0), new TrafficCounters(0, routedOut), new TrafficCounters(0, exitOut));
}
