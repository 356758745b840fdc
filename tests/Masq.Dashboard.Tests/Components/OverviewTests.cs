using Bunit;
using Masq.Dashboard.Components.Pages;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Components;

public sealed class OverviewTests : DashboardTestContext
{
    [Fact]
    public void Without_the_daemon_nothing_can_be_started()
    {
        Store.SetDaemon(DaemonLinkStatus.Unreachable, "refused", Clock.GetUtcNow().AddSeconds(4));

        var cut = Render<Overview>();

        Assert.True(cut.Find("#start-button").HasAttribute("disabled"));
        Assert.True(cut.Find("#shutdown-button").HasAttribute("disabled"));
        Assert.Contains("state unknown", cut.Find("#node-state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_asks_the_daemon_and_reports_the_process()
    {
        ConnectDaemon();
        Store.ApplySetup(SetupWith(false, (ParameterNames.NeighborhoodMode, "zero-hop", SetupStatus.Set), (ParameterNames.Chain, "base-sepolia", SetupStatus.Default)), SetupOrigin.Refresh);
        var cut = Render<Overview>();
        Assert.Equal("zero-hop (from setup)", cut.Find("#mode").TextContent);
        Assert.Equal("base-sepolia (from setup)", cut.Find("#chain").TextContent);

        cut.Find("#start-button").Click();

        Assert.Equal(1, Backend.CountOf(nameof(FakeMasqBackend.StartNodeAsync)));
        Assert.Contains("MASQNode successfully started in process 4321 on port 32768", cut.Find("#action-message").TextContent, StringComparison.Ordinal);
        Assert.Contains("running (process 4321)", cut.Find("#node-state").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("#shutdown-button").HasAttribute("disabled"));
    }

    [Fact]
    public void A_failed_launch_shows_the_daemons_reason_and_code()
    {
        ConnectDaemon();
        Store.ApplySetup(SetupWith(false), SetupOrigin.Refresh);
        Backend.Start = () => throw new UiCallException(UiErrorCodes.NodeLaunch, "Could not launch Node: Node started in process 9, but died immediately.");
        var cut = Render<Overview>();

        cut.Find("#start-button").Click();

        var message = cut.Find("#action-message");
        Assert.Contains("died immediately", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("8000_0000_0000_0001", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("error", message.ClassName, StringComparison.Ordinal);
        Assert.Contains("not running", cut.Find("#node-state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_shows_its_reason_and_allows_a_new_start()
    {
        ConnectDaemon();
        Store.NodeStarted(new UiStartResponse(77, 40000));
        Store.NodeCrashed(new UiCrashedBroadcast(77, CrashReason.Unrecognized("thread 'main' panicked at 'boom'")));

        var cut = Render<Overview>();

        Assert.Contains("crashed (process 77): thread 'main' panicked at 'boom'", cut.Find("#node-state").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("#start-button").HasAttribute("disabled"));
    }

    [Fact]
    public void Running_node_shows_stage_descriptor_with_copy_mode_and_chain()
    {
        RunNode();
        Store.SetConnectionStage(UiConnectionStage.RouteFound);
        Store.SetDescriptor("masq://base-sepolia:AQIDBA@1.2.3.4:5678");
        Store.SetConfiguration(State.NodeStateStoreTests.Configuration());
        var cut = Render<Overview>();

        Assert.Contains("RouteFound", cut.Find("#connection-stage").TextContent, StringComparison.Ordinal);
        Assert.Equal("masq://base-sepolia:AQIDBA@1.2.3.4:5678", cut.Find("#descriptor code").TextContent);
        Assert.Equal("standard", cut.Find("#mode").TextContent);
        Assert.Equal("base-sepolia", cut.Find("#chain").TextContent);

        cut.Find("#descriptor .copy-button").Click();

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal("masq://base-sepolia:AQIDBA@1.2.3.4:5678", call.Arguments[0]);
        Assert.Equal("Copied", cut.Find("#descriptor .copy-button").TextContent);
    }

    [Fact]
    public void Running_node_says_how_it_is_reachable_and_a_later_broadcast_keeps_it()
    {
        RunNode();
        Store.SetConnectionStage(UiConnectionStage.NotConnected, "standard", "port 18602 mapped on the router 192.0.2.1 by PCP, public IP 203.0.113.2 (lease 600 s)");

        var cut = Render<Overview>();

        Assert.Equal("port 18602 mapped on the router 192.0.2.1 by PCP, public IP 203.0.113.2 (lease 600 s)", cut.Find("#port-mapping").TextContent);
        Store.SetConnectionStage(UiConnectionStage.ConnectedToNeighbor);
        cut.Render();
        Assert.Contains("by PCP", cut.Find("#port-mapping").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_public_ip_from_the_router_is_shown_with_the_change_and_a_notice()
    {
        RunNode();
        Store.SetConnectionStage(UiConnectionStage.RouteFound, "standard", "port 18602 mapped on the router 192.0.2.1 by PCP, public IP 203.0.113.2 (lease 600 s)");
        Store.SetDescriptor("masq://base-sepolia:AQIDBA@203.0.113.2:18602");
        var cut = Render<Overview>();
        Assert.Empty(cut.FindAll("#public-ip-change"));

        Store.SetConnectionStage(UiConnectionStage.RouteFound, "standard", "port 18602 mapped on the router 192.0.2.1 by PCP, public IP 203.0.113.30 (lease 600 s)");
        cut.Render();

        Assert.Contains("public IP 203.0.113.30", cut.Find("#port-mapping").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Changed from 203.0.113.2 to 203.0.113.30 at ", cut.Find("#public-ip-change").TextContent, StringComparison.Ordinal);
        Assert.Contains(Store.GetNotices(), n => n.Text.Contains("public IP changed from 203.0.113.2 to 203.0.113.30", StringComparison.Ordinal));
        // The descriptor changed with the address: the watcher asks for it again.
        Assert.False(Store.DescriptorAsked);
    }

    [Fact]
    public void A_node_no_router_answered_says_to_forward_the_port_by_hand_as_a_warning()
    {
        RunNode();
        Store.SetConnectionStage(UiConnectionStage.NotConnected, "standard", "using the given --ip 198.51.100.4: port 18602 must reach this machine (forward it by hand if a router is in the way)");

        var cut = Render<Overview>();

        Assert.Contains("forward it by hand", cut.Find("#port-mapping").TextContent, StringComparison.Ordinal);
        Assert.Contains("warning", cut.Find("#port-mapping").ClassName, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#public-ip-change"));
    }

    [Fact]
    public void Zero_hop_node_is_not_called_unconnected_nor_promised_a_descriptor()
    {
        RunNode();
        Store.SetConnectionStage(UiConnectionStage.NotConnected, "zero-hop");
        Store.SetDescriptor(null);

        var cut = Render<Overview>();

        var stage = cut.Find("#connection-stage").TextContent;
        Assert.Contains("ZeroHop: no neighbors needed", stage, StringComparison.Ordinal);
        Assert.DoesNotContain("NotConnected", stage, StringComparison.Ordinal);
        Assert.Contains("A zero-hop Node has no descriptor", cut.Find("#descriptor").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet available", cut.Find("#descriptor").TextContent, StringComparison.Ordinal);

        // A later broadcast carries no mode: the one the Node reported still holds.
        Store.SetConnectionStage(UiConnectionStage.NotConnected);
        cut.Render();
        Assert.Contains("ZeroHop", cut.Find("#connection-stage").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_descriptor_is_explained_not_invented()
    {
        RunNode();
        Store.SetDescriptor(null);

        var cut = Render<Overview>();

        Assert.Contains("Node descriptor is not yet available", cut.Find("#descriptor").TextContent, StringComparison.Ordinal);
        Assert.Contains("Not reported yet.", cut.Find("#connection-stage").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Shutdown_orders_the_node_down()
    {
        RunNode();
        var cut = Render<Overview>();

        cut.Find("#shutdown-button").Click();

        Assert.Equal(1, Backend.CountOf(nameof(FakeMasqBackend.ShutdownNodeAsync)));
        Assert.Contains("has broken its connection", cut.Find("#action-message").TextContent, StringComparison.Ordinal);
        Assert.Contains("not running", cut.Find("#node-state").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Traffic_is_shown_only_once_the_node_reports_it()
    {
        RunNode();
        var cut = Render<Overview>();
        Assert.Contains("has not reported traffic figures yet", cut.Find("#traffic-none").TextContent, StringComparison.Ordinal);

        Store.AddTraffic(new TrafficReport(new TrafficCounters(0, 0), new TrafficCounters(0, 0), new TrafficCounters(0, 0)));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Store.AddTraffic(new TrafficReport(new TrafficCounters(2048, 1024), new TrafficCounters(0, 0), new TrafficCounters(0, 3072)));
        Tick();

        cut.WaitForAssertion(() =>
        {
            var table = cut.Find("#traffic-table");
            Assert.Contains("2.0 KiB/s", table.TextContent, StringComparison.Ordinal);
            Assert.Contains("3.0 KiB/s", table.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_crash_broadcast_updates_an_open_page()
    {
        RunNode(77);
        var cut = Render<Overview>();

        Store.NodeCrashed(new UiCrashedBroadcast(77, CrashReason.NoInformation));
        Tick();

        cut.WaitForAssertion(() => Assert.Contains("crashed", cut.Find("#node-state").TextContent, StringComparison.Ordinal));
    }
}
