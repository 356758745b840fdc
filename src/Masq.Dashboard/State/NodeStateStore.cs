using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.State;

/// <summary>
/// Everything the dashboard knows about the Daemon and the Node, shared by every tab (a singleton). The backend and the
/// watcher write into it; pages read snapshots and subscribe to changes through a throttle. Lists are bounded ring
/// buffers. Holds no secret: setup values arrive censored and the configuration is read without a password.
/// </summary>
public sealed class NodeStateStore
{
    /// <summary>How often an unchanged financials answer still adds a chart point.</summary>
    public static readonly TimeSpan UnchangedSampleInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly RingBuffer<LogEntry> _logs;
    private readonly RingBuffer<FinancialSample> _financialHistory;
    private readonly RingBuffer<TrafficSample> _traffic;
    private readonly RingBuffer<Notice> _notices;
    private readonly Dictionary<StoreArea, int> _interest = [];
    private StoreSubscription[] _subscriptions = [];
    private long _setupVersion;
    private long _logSequence;
    private long _noticeSequence;
    private bool _trafficBaselineValid;

    public NodeStateStore(TimeProvider time, StoreLimits limits, int daemonPort)
    {
        _time = time;
        _logs = new RingBuffer<LogEntry>(limits.MaxLogEntries);
        _financialHistory = new RingBuffer<FinancialSample>(limits.MaxFinancialSamples);
        _traffic = new RingBuffer<TrafficSample>(limits.MaxTrafficSamples);
        _notices = new RingBuffer<Notice>(limits.MaxNotices);
        var now = time.GetUtcNow();
        Daemon = new DaemonLink(DaemonLinkStatus.Connecting, daemonPort, null, null, now);
        Node = new NodeStatus(NodeRunState.Unknown, null, null, null, null, now);
    }

    public DaemonLink Daemon { get; private set; }

    public NodeStatus Node { get; private set; }

    public SetupSnapshot? Setup { get; private set; }

    public UiConnectionStage? ConnectionStage { get; private set; }

    /// <summary>What the Node said about its reachability (port mapped on the router by…, or forward it by hand).</summary>
    public string? PortMapping { get; private set; }

    /// <summary>The last change of the public IP the Node's router reported during this run; null while there was none.</summary>
    public PublicIpChange? PublicIpChange { get; private set; }

    /// <summary>The Node's mode as it reported it with its connection status (<c>zero-hop</c>…); null until it has.</summary>
    public string? ReportedMode { get; private set; }

    /// <summary>The Node's descriptor, once it reported one.</summary>
    public string? Descriptor { get; private set; }

    /// <summary>Whether the Node answered a descriptor request since it started (its answer may be "none yet").</summary>
    public bool DescriptorAsked { get; private set; }

    /// <summary>The Node's configuration as read without a password (no secrets in it).</summary>
    public UiConfigurationResponse? Configuration { get; private set; }

    public FinancialsSnapshot? Financials { get; private set; }

    /// <summary>Why the last periodic financials read failed; null after a success.</summary>
    public string? FinancialsProblem { get; private set; }

    public string? NeighborhoodGraph { get; private set; }

    public DateTimeOffset? NeighborhoodGraphAt { get; private set; }

    /// <summary>The last exit-location answer the Node gave to this dashboard.</summary>
    public UiExitLocationResponse? ExitLocation { get; private set; }

    /// <summary>min-hops as last changed at run time through this dashboard (setConfiguration).</summary>
    public string? MinHopsSetAtRuntime { get; private set; }

    public long LogsDropped
    {
        get
        {
            lock (_gate)
            {
                return _logs.TotalAdded - _logs.Count;
            }
        }
    }

    public IReadOnlyList<LogEntry> GetLogs()
    {
        lock (_gate)
        {
            return _logs.ToArray();
        }
    }

    public IReadOnlyList<FinancialSample> GetFinancialHistory()
    {
        lock (_gate)
        {
            return _financialHistory.ToArray();
        }
    }

    public IReadOnlyList<TrafficSample> GetTraffic()
    {
        lock (_gate)
        {
            return _traffic.ToArray();
        }
    }

    public TrafficSample? LatestTraffic
    {
        get
        {
            lock (_gate)
            {
                return _traffic.Last;
            }
        }
    }

    public IReadOnlyList<Notice> GetNotices()
    {
        lock (_gate)
        {
            return _notices.ToArray();
        }
    }

    /// <summary>Registers <paramref name="callback"/> for changes in <paramref name="areas"/>. It runs on the
    /// writer's thread, so it must only schedule work (a throttle signal).</summary>
    public IDisposable Subscribe(StoreArea areas, Action<StoreArea> callback)
    {
        var subscription = new StoreSubscription(this, areas, callback);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }
        return subscription;
    }

    /// <summary>Declares that a page shows data fetched only on demand (e.g. the neighborhood graph).</summary>
    public IDisposable RegisterInterest(StoreArea area)
    {
        lock (_gate)
        {
            _interest[area] = _interest.GetValueOrDefault(area) + 1;
        }
        return new StoreInterest(this, area);
    }

    public bool IsWanted(StoreArea area)
    {
        lock (_gate)
        {
            return _interest.GetValueOrDefault(area) > 0;
        }
    }

    public void SetDaemon(DaemonLinkStatus status, string? problem = null, DateTimeOffset? nextAttemptAt = null)
    {
        var changed = StoreArea.Daemon;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var since = Daemon.Status == status ? Daemon.Since : now;
            Daemon = Daemon with { Status = status, Problem = problem, NextAttemptAt = nextAttemptAt, Since = since };
            if (status != DaemonLinkStatus.Connected && Node.State != NodeRunState.Unknown)
            {
                // Without the Daemon nobody can tell us whether the Node lives.
                Node = new NodeStatus(NodeRunState.Unknown, Node.ProcessId, Node.UiPort, null, "The Daemon is not connected, so the Node's state is unknown.", now);
                ClearNodeFactsLocked();
                changed |= StoreArea.Node | StoreArea.Connection | StoreArea.Neighborhood;
            }
        }
        Publish(changed);
    }

    public void NodeStarting()
    {
        lock (_gate)
        {
            Node = new NodeStatus(NodeRunState.Starting, null, null, null, null, _time.GetUtcNow());
        }
        Publish(StoreArea.Node);
    }

    public void NodeStarted(UiStartResponse response)
    {
        lock (_gate)
        {
            Node = new NodeStatus(NodeRunState.Running, response.NewProcessId, response.RedirectUiPort, null, null, _time.GetUtcNow());
            ClearNodeFactsLocked();
        }
        Publish(StoreArea.Node | StoreArea.Connection | StoreArea.Neighborhood);
    }

    /// <summary>The start request failed; the Node's state is what the Daemon says next (usually not running).</summary>
    public void NodeStartFailed(string reason)
    {
        lock (_gate)
        {
            if (Node.State == NodeRunState.Starting)
            {
                Node = new NodeStatus(NodeRunState.NotRunning, null, null, null, reason, _time.GetUtcNow());
            }
        }
        Publish(StoreArea.Node);
    }

    public void NodeShuttingDown()
    {
        lock (_gate)
        {
            Node = Node with { State = NodeRunState.ShuttingDown, Detail = null, Since = _time.GetUtcNow() };
        }
        Publish(StoreArea.Node);
    }

    /// <summary>The shutdown order went out and the Node's connection closed, as it does when the Node obeys.</summary>
    public void NodeShutDown()
    {
        lock (_gate)
        {
            Node = new NodeStatus(NodeRunState.NotRunning, Node.ProcessId, null, null, "The Node was shut down on request.", _time.GetUtcNow());
            ClearNodeFactsLocked();
        }
        Publish(StoreArea.Node | StoreArea.Connection | StoreArea.Neighborhood);
    }

    /// <summary>The Daemon's <c>crashed</c> broadcast. After a requested shutdown it is the expected exit, not a crash.</summary>
    public void NodeCrashed(UiCrashedBroadcast crashed)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var expected = Node.State == NodeRunState.ShuttingDown
                || (Node.State == NodeRunState.NotRunning && Node.Detail == "The Node was shut down on request.");
            Node = expected
                ? new NodeStatus(NodeRunState.NotRunning, crashed.ProcessId, null, null, "The Node was shut down on request.", now)
                : IsCleanExit(crashed)
                    ? new NodeStatus(NodeRunState.NotRunning, crashed.ProcessId, null, null, "The Node stopped cleanly (shut down by another client or a signal).", now)
                    : new NodeStatus(NodeRunState.Crashed, crashed.ProcessId, null, crashed.CrashReason, null, now);
            ClearNodeFactsLocked();
        }
        Publish(StoreArea.Node | StoreArea.Connection | StoreArea.Neighborhood);
    }

    /// <summary>The Daemon reports a Node that exited with code 0 as <c>Unrecognized("")</c> (the reference's normal exit).</summary>
    public static bool IsCleanExit(UiCrashedBroadcast crashed) =>
        crashed.CrashReason is { Kind: CrashReasonKind.Unrecognized, Text: null or "" };

    /// <summary>The connection to the Node closed without a shutdown order; the Daemon's verdict follows.</summary>
    public void NodeConnectionLost()
    {
        lock (_gate)
        {
            if (Node.State == NodeRunState.Running)
            {
                Node = Node with { Detail = "The connection to the Node closed; asking the Daemon whether it still runs." };
            }
        }
        Publish(StoreArea.Node);
    }

    /// <summary>A setup answer or broadcast; also tells whether the Node runs.</summary>
    public SetupSnapshot ApplySetup(UiSetupResponse response, SetupOrigin origin, string? tabId = null)
    {
        SetupSnapshot snapshot;
        var changed = StoreArea.Setup;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            snapshot = new SetupSnapshot(response, ++_setupVersion, origin, tabId, now);
            Setup = snapshot;
            changed |= ApplyRunningLocked(response.Running, now);
        }
        Publish(changed);
        return snapshot;
    }

    /// <summary>
    /// Whether the Node runs, as the Daemon's setup answer says, without touching the setup the tabs show: the
    /// dashboard's regular check, so that a Node started or stopped by another client (e.g. <c>masq start</c>) is seen.
    /// </summary>
    public void ApplyRunning(bool running)
    {
        StoreArea changed;
        lock (_gate)
        {
            changed = ApplyRunningLocked(running, _time.GetUtcNow());
        }
        if (changed != StoreArea.None)
        {
            Publish(changed);
        }
    }

    /// <summary>The dashboard was pointed at a Node's UI port rather than a Daemon's: that Node runs.</summary>
    public void NodeDirect(int port)
    {
        lock (_gate)
        {
            Node = new NodeStatus(
                NodeRunState.Running,
                null,
                (ushort)port,
                null,
                $"The dashboard is connected to a Node directly (UI port {port}), not to a Daemon: it can watch and configure this Node but not start it or change its setup.",
                _time.GetUtcNow());
        }
        Publish(StoreArea.Node | StoreArea.Connection | StoreArea.Neighborhood);
    }

    private StoreArea ApplyRunningLocked(bool running, DateTimeOffset now)
    {
        if (running && Node.State is NodeRunState.Unknown or NodeRunState.NotRunning or NodeRunState.Crashed)
        {
            Node = new NodeStatus(NodeRunState.Running, null, null, null, null, now);
            return StoreArea.Node;
        }
        if (!running && Node.State is NodeRunState.Unknown or NodeRunState.Running or NodeRunState.ShuttingDown)
        {
            var wasShuttingDown = Node.State == NodeRunState.ShuttingDown;
            Node = new NodeStatus(NodeRunState.NotRunning, null, null, null, wasShuttingDown ? "The Node was shut down on request." : null, now);
            ClearNodeFactsLocked();
            return StoreArea.Node | StoreArea.Connection | StoreArea.Neighborhood;
        }
        return StoreArea.None;
    }

    /// <summary>The Daemon said the Node is not running (NODE_NOT_RUNNING to a Node request).</summary>
    public void NodeNotRunning()
    {
        lock (_gate)
        {
            if (Node.State is NodeRunState.Running or NodeRunState.Unknown or NodeRunState.ShuttingDown)
            {
                Node = new NodeStatus(NodeRunState.NotRunning, null, null, null, null, _time.GetUtcNow());
                ClearNodeFactsLocked();
            }
        }
        Publish(StoreArea.Node | StoreArea.Connection | StoreArea.Neighborhood);
    }

    /// <param name="mode">The mode the Node reported with the stage; null (a broadcast) keeps the one known.</param>
    /// <param name="portMapping">How the Node is reachable (its router's mapping, or forward by hand); null keeps the one known.</param>
    public void SetConnectionStage(UiConnectionStage stage, string? mode = null, string? portMapping = null)
    {
        PublicIpChange? moved = null;
        lock (_gate)
        {
            ConnectionStage = stage;
            ReportedMode = mode ?? ReportedMode;
            if (portMapping is not null
                && PublicIpChange.PublicIpIn(PortMapping) is { } before && PublicIpChange.PublicIpIn(portMapping) is { } after && before != after)
            {
                // The router got another public address: the Node advertises it now, so its descriptor changed too.
                moved = new PublicIpChange(before, after, _time.GetUtcNow());
                PublicIpChange = moved;
                DescriptorAsked = false;
            }
            PortMapping = portMapping ?? PortMapping;
        }
        if (moved is not null)
        {
            AddNotice(NoticeKind.Info, $"The router's public IP changed from {moved.From} to {moved.To}: the Node advertises the new one to its neighbors.");
        }
        Publish(StoreArea.Connection);
    }

    public void SetDescriptor(string? descriptor)
    {
        lock (_gate)
        {
            Descriptor = descriptor;
            DescriptorAsked = true;
        }
        Publish(StoreArea.Connection);
    }

    public void SetConfiguration(UiConfigurationResponse configuration)
    {
        // Defence in depth: never keep a secret in the shared store, whatever the caller asked with.
        var safe = configuration with { ConsumingWalletPrivateKeyOpt = null };
        lock (_gate)
        {
            Configuration = safe;
        }
        Publish(StoreArea.Connection);
    }

    /// <summary>
    /// A periodic financials answer. An unchanged answer changes nothing visible (no re-render in any tab) except a
    /// chart point every <see cref="UnchangedSampleInterval"/>, so the chart's time axis keeps moving.
    /// </summary>
    public void AddFinancials(UiFinancialsResponse response, UiTopRecordsConfig topRecords)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (Financials is { } previous && previous.TopRecords == topRecords && SameFinancials(previous.Response, response))
            {
                if (_financialHistory.Last is { } last && now - last.At < UnchangedSampleInterval)
                {
                    return;
                }
            }
            else
            {
                Financials = new FinancialsSnapshot(response, topRecords, now);
            }
            if (response.StatsOpt is { } stats)
            {
                _financialHistory.Add(new FinancialSample(
                    now,
                    stats.TotalUnpaidAndPendingPayableGwei,
                    stats.TotalPaidPayableGwei,
                    stats.TotalUnpaidReceivableGwei,
                    stats.TotalPaidReceivableGwei));
            }
        }
        Publish(StoreArea.Financials);
    }

    public void SetFinancialsProblem(string? problem)
    {
        lock (_gate)
        {
            if (FinancialsProblem == problem)
            {
                return;
            }
            FinancialsProblem = problem;
        }
        Publish(StoreArea.Financials);
    }

    public void AddLog(UiLogBroadcast log)
    {
        lock (_gate)
        {
            _logs.Add(new LogEntry(++_logSequence, _time.GetUtcNow(), log.LogLevel, log.Msg));
        }
        Publish(StoreArea.Logs);
    }

    public void AddTraffic(TrafficReport report)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            TrafficRates? rates = null;
            if (_trafficBaselineValid && _traffic.Last is { } previous && now > previous.At && Covers(report, previous.Totals))
            {
                var seconds = (now - previous.At).TotalSeconds;
                rates = new TrafficRates(
                    Rate(report.Consumed.BytesIn, previous.Totals.Consumed.BytesIn, seconds),
                    Rate(report.Consumed.BytesOut, previous.Totals.Consumed.BytesOut, seconds),
                    Rate(report.Routed.BytesIn, previous.Totals.Routed.BytesIn, seconds),
                    Rate(report.Routed.BytesOut, previous.Totals.Routed.BytesOut, seconds),
                    Rate(report.Exit.BytesIn, previous.Totals.Exit.BytesIn, seconds),
                    Rate(report.Exit.BytesOut, previous.Totals.Exit.BytesOut, seconds));
            }
            _traffic.Add(new TrafficSample(now, report, rates));
            _trafficBaselineValid = true;
        }
        Publish(StoreArea.Traffic);
    }

    public void AddNotice(NoticeKind kind, string text)
    {
        lock (_gate)
        {
            _notices.Add(new Notice(++_noticeSequence, _time.GetUtcNow(), kind, text));
        }
        Publish(StoreArea.Notices);
    }

    public void SetNeighborhoodGraph(string graph)
    {
        lock (_gate)
        {
            NeighborhoodGraph = graph;
            NeighborhoodGraphAt = _time.GetUtcNow();
        }
        Publish(StoreArea.Neighborhood);
    }

    public void SetExitLocation(UiExitLocationResponse response)
    {
        lock (_gate)
        {
            ExitLocation = response;
        }
        Publish(StoreArea.Neighborhood);
    }

    public void SetMinHopsAtRuntime(string value)
    {
        lock (_gate)
        {
            MinHopsSetAtRuntime = value;
        }
        Publish(StoreArea.Neighborhood);
    }

    internal void Unsubscribe(StoreSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        }
    }

    internal void WithdrawInterest(StoreArea area)
    {
        lock (_gate)
        {
            var count = _interest.GetValueOrDefault(area) - 1;
            if (count <= 0)
            {
                _interest.Remove(area);
            }
            else
            {
                _interest[area] = count;
            }
        }
    }

    private static bool SameFinancials(UiFinancialsResponse a, UiFinancialsResponse b) =>
        a.StatsOpt == b.StatsOpt
        && SameList(a.QueryResultsOpt?.PayableOpt, b.QueryResultsOpt?.PayableOpt)
        && SameList(a.QueryResultsOpt?.ReceivableOpt, b.QueryResultsOpt?.ReceivableOpt)
        && (a.QueryResultsOpt is null) == (b.QueryResultsOpt is null);

    private static bool SameList<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    private static bool Covers(TrafficReport current, TrafficReport previous) =>
        current.Consumed.BytesIn >= previous.Consumed.BytesIn && current.Consumed.BytesOut >= previous.Consumed.BytesOut
        && current.Routed.BytesIn >= previous.Routed.BytesIn && current.Routed.BytesOut >= previous.Routed.BytesOut
        && current.Exit.BytesIn >= previous.Exit.BytesIn && current.Exit.BytesOut >= previous.Exit.BytesOut;

    private static double Rate(ulong current, ulong previous, double seconds) => (current - previous) / seconds;

    /// <summary>Facts that belong to one Node run (a restarted Node starts over).</summary>
    private void ClearNodeFactsLocked()
    {
        ConnectionStage = null;
        PortMapping = null;
        PublicIpChange = null;
        ReportedMode = null;
        Descriptor = null;
        DescriptorAsked = false;
        Configuration = null;
        NeighborhoodGraph = null;
        NeighborhoodGraphAt = null;
        ExitLocation = null;
        MinHopsSetAtRuntime = null;
        // Counters restart with the Node: the next report must not be taken as a delta of the old ones.
        _trafficBaselineValid = false;
    }

    private void Publish(StoreArea changed)
    {
        StoreSubscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = _subscriptions;
        }
        foreach (var subscription in subscriptions)
        {
            subscription.Notify(changed);
        }
    }
}
