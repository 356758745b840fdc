using Masq.Dashboard.Backend;
using Masq.Dashboard.Hosting;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Dashboard.Tests.Backend;

public sealed class NodeWatcherTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly NodeStateStore _store;
    private readonly FakeMasqBackend _backend;
    private readonly NodeWatcher _watcher;

    public NodeWatcherTests()
    {
        _store = new NodeStateStore(_clock, new StoreLimits(), 5333);
        _backend = new FakeMasqBackend(_store);
        _watcher = new NodeWatcher(_backend, _store, Options.Create(new DashboardOptions { TopRecords = 7 }), _clock, NullLogger<NodeWatcher>.Instance);
    }

    public void Dispose() => _watcher.Dispose();

    [Fact]
    public async Task Reads_nothing_while_the_node_is_not_running()
    {
        _store.SetDaemon(DaemonLinkStatus.Connected);

        await _watcher.PollOnceAsync(CancellationToken.None);

        Assert.Empty(_backend.Calls);
    }

    [Fact]
    public async Task Reads_stage_descriptor_configuration_and_financials_of_a_running_node()
    {
        RunNode();
        _backend.ConnectionStatus = () => new UiConnectionStatusResponse(UiConnectionStage.ConnectedToNeighbor);
        _backend.Descriptor = () => new UiDescriptorResponse("masq://base-sepolia:AQID@1.2.3.4:5678");
        _backend.Configuration = _ => NodeStateStoreTestsConfiguration();
        _backend.Financials = _ => new UiFinancialsResponse(new UiFinancialStatistics(10, 20, 30, 40), new UiQueryResults([], []));

        await _watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(UiConnectionStage.ConnectedToNeighbor, _store.ConnectionStage);
        Assert.Equal("masq://base-sepolia:AQID@1.2.3.4:5678", _store.Descriptor);
        Assert.Equal("base-sepolia", _store.Configuration!.ChainName);
        Assert.Null(_backend.LastArgument<string?>(nameof(FakeMasqBackend.GetConfigurationAsync)));
        var request = _backend.LastArgument<UiFinancialsRequest>(nameof(FakeMasqBackend.GetFinancialsAsync));
        Assert.True(request.StatsRequired);
        Assert.Equal(new UiTopRecordsConfig(7, UiTopRecordsOrdering.Balance), request.TopRecordsOpt);
        Assert.Single(_store.GetFinancialHistory());
    }

    [Fact]
    public async Task Asks_for_a_missing_descriptor_again_only_after_a_while()
    {
        RunNode();
        _backend.Descriptor = () => new UiDescriptorResponse(null);
        _backend.Financials = _ => new UiFinancialsResponse(new UiFinancialStatistics(0, 0, 0, 0));

        await _watcher.PollOnceAsync(CancellationToken.None);
        await _watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal(1, _backend.CountOf(nameof(FakeMasqBackend.GetDescriptorAsync)));
        Assert.True(_store.DescriptorAsked);

        _clock.Advance(TimeSpan.FromSeconds(6));
        await _watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal(2, _backend.CountOf(nameof(FakeMasqBackend.GetDescriptorAsync)));
    }

    [Fact]
    public async Task Reads_the_connection_status_again_while_the_node_reports_a_mapping_and_the_descriptor_after_a_new_public_ip()
    {
        RunNode();
        var publicIp = "203.0.113.2";
        _backend.ConnectionStatus = () => new UiConnectionStatusResponse(UiConnectionStage.RouteFound, "standard", $"port 18602 mapped on the router 192.0.2.1 by PCP, public IP {publicIp} (lease 600 s)");
        _backend.Descriptor = () => new UiDescriptorResponse($"masq://base-sepolia:AQID@{publicIp}:18602");
        _backend.Financials = _ => new UiFinancialsResponse(new UiFinancialStatistics(0, 0, 0, 0));

        await _watcher.PollOnceAsync(CancellationToken.None);
        await _watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal(1, _backend.CountOf(nameof(FakeMasqBackend.GetConnectionStatusAsync)));

        publicIp = "203.0.113.30";
        _clock.Advance(NodeWatcher.ReachabilityInterval);
        await _watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(2, _backend.CountOf(nameof(FakeMasqBackend.GetConnectionStatusAsync)));
        Assert.Equal(new PublicIpChange("203.0.113.2", "203.0.113.30", _clock.GetUtcNow()), _store.PublicIpChange);
        Assert.Equal("masq://base-sepolia:AQID@203.0.113.30:18602", _store.Descriptor);
    }

    [Fact]
    public async Task Does_not_read_the_connection_status_again_when_the_node_reports_no_mapping()
    {
        RunNode();
        _backend.ConnectionStatus = () => new UiConnectionStatusResponse(UiConnectionStage.NotConnected, "zero-hop");
        _backend.Financials = _ => new UiFinancialsResponse(new UiFinancialStatistics(0, 0, 0, 0));

        await _watcher.PollOnceAsync(CancellationToken.None);
        _clock.Advance(NodeWatcher.ReachabilityInterval * 3);
        await _watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, _backend.CountOf(nameof(FakeMasqBackend.GetConnectionStatusAsync)));
    }

    [Fact]
    public async Task A_failing_financials_read_is_reported_and_cleared_by_the_next_success()
    {
        RunNode();
        _backend.Financials = _ => throw new UiCallException(UiErrorCodes.Timeout, "No response from Node or Daemon after 3000ms");

        await _watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal("No response from Node or Daemon after 3000ms", _store.FinancialsProblem);

        _backend.Financials = _ => new UiFinancialsResponse(new UiFinancialStatistics(1, 1, 1, 1));
        await _watcher.PollOnceAsync(CancellationToken.None);
        Assert.Null(_store.FinancialsProblem);
    }

    [Fact]
    public async Task Reads_the_graph_only_while_a_page_wants_it()
    {
        RunNode();
        _backend.Financials = _ => new UiFinancialsResponse(new UiFinancialStatistics(0, 0, 0, 0));
        _backend.NeighborhoodGraph = () => new UiNeighborhoodGraphResponse("digraph db { }");

        await _watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal(0, _backend.CountOf(nameof(FakeMasqBackend.GetNeighborhoodGraphAsync)));

        using (_store.RegisterInterest(StoreArea.Neighborhood))
        {
            await _watcher.PollOnceAsync(CancellationToken.None);
        }
        Assert.Equal("digraph db { }", _store.NeighborhoodGraph);
    }

    private void RunNode()
    {
        _store.SetDaemon(DaemonLinkStatus.Connected);
        _store.NodeStarted(new UiStartResponse(1, 40000));
    }

    private static UiConfigurationResponse NodeStateStoreTestsConfiguration() => State.NodeStateStoreTests.Configuration();
}
