using Masq.Dashboard.Hosting;
using Masq.Dashboard.Model;
using Masq.Dashboard.State;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.Options;

namespace Masq.Dashboard.Backend;

/// <summary>
/// Reads what the Node does not broadcast, once for all tabs, while it runs: connection stage (again every ten seconds
/// while the Node reports its router's port mapping, whose public IP may change), descriptor (until it is known, again
/// when the public IP changed), configuration, and financials (totals and top records) on every tick; the neighborhood
/// graph only while a page shows it. The first Node request also makes the UI client follow the Daemon's redirect,
/// which opens the Node connection that carries the Node's broadcasts (logs, connection changes).
/// </summary>
internal sealed class NodeWatcher : BackgroundService
{
    private static readonly TimeSpan DescriptorRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GraphInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the connection status is read again while the Node reports how it is reachable: its router's mapping
    /// is renewed and its public IP may change, which the Node does not broadcast.
    /// </summary>
    public static readonly TimeSpan ReachabilityInterval = TimeSpan.FromSeconds(10);

    private readonly IMasqBackend _backend;
    private readonly NodeStateStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<NodeWatcher> _logger;
    private readonly TimeSpan _interval;
    private readonly UiTopRecordsConfig _topRecords;
    private DateTimeOffset _lastDescriptorAsk = DateTimeOffset.MinValue;
    private DateTimeOffset _lastGraph = DateTimeOffset.MinValue;
    private DateTimeOffset _lastStatus = DateTimeOffset.MinValue;

    public NodeWatcher(IMasqBackend backend, NodeStateStore store, IOptions<DashboardOptions> options, TimeProvider time, ILogger<NodeWatcher> logger)
    {
        _backend = backend;
        _store = store;
        _time = time;
        _logger = logger;
        _interval = options.Value.PollInterval;
        _topRecords = new UiTopRecordsConfig((ushort)options.Value.TopRecords, UiTopRecordsOrdering.Balance);
    }

    /// <summary>One round of reads; public so tests can drive it without a timer.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        if (!_store.Daemon.IsConnected || !_store.Node.IsRunning)
        {
            return;
        }
        var now = _time.GetUtcNow();
        if (_store.ConnectionStage is null || (_store.PortMapping is not null && now - _lastStatus >= ReachabilityInterval))
        {
            _lastStatus = now;
            await TryAsync("connectionStatus", async () =>
            {
                var status = await _backend.GetConnectionStatusAsync(cancellationToken);
                _store.SetConnectionStage(status.Stage, status.NeighborhoodMode, status.PortMapping);
            });
        }
        if (!_store.DescriptorAsked || (_store.Descriptor is null && now - _lastDescriptorAsk >= DescriptorRetry))
        {
            _lastDescriptorAsk = now;
            await TryAsync("descriptor", async () => _store.SetDescriptor((await _backend.GetDescriptorAsync(cancellationToken)).NodeDescriptorOpt));
        }
        if (_store.Configuration is null)
        {
            await TryAsync("configuration", async () => _store.SetConfiguration(await _backend.GetConfigurationAsync(null, cancellationToken)));
        }
        var financialsOk = await TryAsync("financials", async () =>
            _store.AddFinancials(await _backend.GetFinancialsAsync(new UiFinancialsRequest(true, _topRecords), cancellationToken), _topRecords));
        if (financialsOk)
        {
            _store.SetFinancialsProblem(null);
        }
        if (_store.IsWanted(StoreArea.Neighborhood) && (_store.NeighborhoodGraph is null || now - _lastGraph >= GraphInterval))
        {
            _lastGraph = now;
            await TryAsync("neighborhoodGraph", async () => _store.SetNeighborhoodGraph((await _backend.GetNeighborhoodGraphAsync(cancellationToken)).Graph));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PollOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task<bool> TryAsync(string what, Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (Exception e) when (e is UiCallException or UiConnectionLostException or UiConnectException or UiProtocolException)
        {
            _logger.LogDebug(e, "Reading {What} from the Node failed", what);
            if (what == "financials")
            {
                _store.SetFinancialsProblem(UiText.DescribeError(e));
            }
            return false;
        }
    }
}
