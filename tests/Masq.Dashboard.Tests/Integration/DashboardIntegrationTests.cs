using System.Net.Http.Json;
using Masq.Dashboard.State;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Integration;

/// <summary>The real dashboard against a real SignalR UI hub speaking the protocol (a scripted Daemon and Node).</summary>
public sealed class DashboardIntegrationTests
{
    [Fact]
    public async Task Connects_to_the_daemon_and_learns_the_setup()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);

        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Setup is not null, "the setup");

        Assert.True(dashboard.Store.Daemon.IsConnected);
        Assert.Equal(NodeRunState.NotRunning, dashboard.Store.Node.State);
        Assert.Equal("base-sepolia", dashboard.Store.Setup!.ValueOf(ParameterNames.Chain));
        using var http = dashboard.CreateClient();
        var health = await http.GetFromJsonAsync<Dictionary<string, string>>("/health");
        Assert.Equal("Connected", health!["daemon"]);
        Assert.Equal("NotRunning", health["node"]);
    }

    [Fact]
    public async Task Serves_the_page_shell_and_the_vendored_assets_but_only_to_loopback_host_names()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        using var http = dashboard.CreateClient();

        var page = await http.GetStringAsync("/");
        Assert.Contains("_framework/blazor.web.js", page, StringComparison.Ordinal);
        Assert.Contains("components-reconnect-modal", page, StringComparison.Ordinal);
        Assert.True((await http.GetByteArrayAsync("/lib/uplot-1.6.32/uPlot.iife.min.js")).Length > 40_000);
        Assert.Contains("createTimeSeries", await http.GetStringAsync("/js/charts.js"), StringComparison.Ordinal);
        Assert.True((await http.GetByteArrayAsync("/_framework/blazor.web.js")).Length > 10_000);

        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.SendAsync(rebound)).StatusCode);
    }

    [Fact]
    public async Task Refuses_foreign_web_pages_on_the_Blazor_hub_and_every_other_endpoint()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        using var http = dashboard.CreateClient();
        var own = dashboard.Address.GetLeftPart(UriPartial.Authority);

        // The Blazor circuit's WebSocket from a foreign page is refused before the handshake.
        using (var socket = new System.Net.WebSockets.ClientWebSocket())
        {
            socket.Options.SetRequestHeader("Origin", "http://evil.example");
            socket.Options.CollectHttpResponseDetails = true;
            var wsUri = new UriBuilder(dashboard.Address) { Scheme = "ws", Path = "/_blazor" }.Uri;
            await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(wsUri, CancellationToken.None));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, socket.HttpStatusCode);
        }

        foreach (var (method, path) in new[] { (HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1"), (HttpMethod.Get, "/"), (HttpMethod.Get, "/health") })
        {
            using var foreign = new HttpRequestMessage(method, path);
            foreign.Headers.Add("Origin", "http://evil.example");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);
            using var nullOrigin = new HttpRequestMessage(method, path);
            nullOrigin.Headers.Add("Origin", "null");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(nullOrigin)).StatusCode);
            using var sameOrigin = new HttpRequestMessage(method, path);
            sameOrigin.Headers.Add("Origin", own);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(sameOrigin)).StatusCode);
        }
    }

    [Fact]
    public async Task Starts_the_node_follows_the_redirect_and_reads_it_live()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Setup is not null, "the setup");

        var started = await dashboard.Backend.StartNodeAsync(CancellationToken.None);
        Assert.Equal(FakeMasqDaemon.ProcessId, started.NewProcessId);

        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Descriptor is not null && dashboard.Store.Financials is not null, "descriptor and financials");
        Assert.Equal(FakeMasqDaemon.Descriptor, dashboard.Store.Descriptor);
        Assert.Equal(UiConnectionStage.RouteFound, dashboard.Store.ConnectionStage);
        Assert.Equal("standard", dashboard.Store.Configuration!.NeighborhoodMode);

        // Broadcasts from the Node now reach the dashboard over the Node connection the redirect opened.
        await daemon.NodeEndpoint.BroadcastAsync(new UiLogBroadcast("Route found to an exit in CZ", UiLogLevel.Info));
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.GetLogs().Any(l => l.Message.Contains("CZ", StringComparison.Ordinal)), "the log line");

        // A payable changing in the Node reaches the dashboard's store.
        daemon.Financials = daemon.Financials with { StatsOpt = daemon.Financials.StatsOpt! with { TotalUnpaidAndPendingPayableGwei = 9_999 } };
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Financials?.Response.StatsOpt?.TotalUnpaidAndPendingPayableGwei == 9_999, "the changed payable");
    }

    [Fact]
    public async Task Shutdown_is_a_stop_not_a_crash_and_a_real_crash_is_reported()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Setup is not null, "the setup");
        await dashboard.Backend.StartNodeAsync(CancellationToken.None);
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Descriptor is not null, "the descriptor");

        await dashboard.Backend.ShutdownNodeAsync(CancellationToken.None);
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Node.State == NodeRunState.NotRunning, "the stop");
        // The Daemon's crashed broadcast that follows the exit is read as the expected stop, not as a crash.
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.GetNotices().Any(n => n.Text.Contains("has stopped", StringComparison.Ordinal) || n.Text.Contains("terminated", StringComparison.Ordinal)), "the Daemon's report of the exit");
        Assert.Equal(NodeRunState.NotRunning, dashboard.Store.Node.State);
        Assert.DoesNotContain(dashboard.Store.GetNotices(), n => n.Text.Contains("terminated", StringComparison.Ordinal));

        await dashboard.Backend.StartNodeAsync(CancellationToken.None);
        await daemon.CrashNodeAsync("thread 'main' panicked at 'boom'");
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Node.State == NodeRunState.Crashed, "the crash");
        Assert.Equal("thread 'main' panicked at 'boom'", dashboard.Store.Node.CrashReason!.Text);
        Assert.Contains(dashboard.Store.GetNotices(), n => n.Kind == NoticeKind.Error && n.Text.Contains("boom", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<UiCallException>(() => dashboard.Backend.GetDescriptorAsync(CancellationToken.None));
        Assert.Equal(UiErrorCodes.NodeNotRunning, e.Code);
    }

    [Fact]
    public async Task A_daemon_that_dies_is_reported_and_reconnected_when_it_comes_back()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Node.IsRunning, "the running node");

        await daemon.KillDaemonAsync();
        await DashboardHost.WaitUntilAsync(() => !dashboard.Store.Daemon.IsConnected, "the loss");
        Assert.Equal(NodeRunState.Unknown, dashboard.Store.Node.State);
        await Assert.ThrowsAsync<UiConnectionLostException>(() => dashboard.Backend.SetupAsync([], null, CancellationToken.None));

        await daemon.RestartDaemonAsync();
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Daemon.IsConnected && dashboard.Store.Node.IsRunning, "the reconnection", seconds: 30);
        Assert.Contains(dashboard.Store.GetNotices(), n => n.Text.Contains("again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_setup_change_by_another_client_is_taken_in()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Setup is not null, "the setup");

        await daemon.DaemonEndpoint.BroadcastAsync(new UiSetupResponse(false, [new UiSetupResponseValue(ParameterNames.Chain, "polygon-amoy", SetupStatus.Set)], []));

        await DashboardHost.WaitUntilAsync(() => dashboard.Store.Setup?.Origin == SetupOrigin.OtherClient, "the broadcast");
        Assert.Equal("polygon-amoy", dashboard.Store.Setup!.ValueOf(ParameterNames.Chain));
    }
}
