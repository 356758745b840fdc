using Bunit;
using Masq.Dashboard.Components.Controls;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Components;

public sealed class StatusBannerTests : DashboardTestContext
{
    [Fact]
    public void Says_when_the_daemon_cannot_be_reached_and_when_it_tries_again()
    {
        Store.SetDaemon(DaemonLinkStatus.Unreachable, "refused", Clock.GetUtcNow().AddSeconds(4));

        var cut = Render<StatusBanner>();

        Assert.Contains("No Daemon answers on 127.0.0.1:5333", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Next attempt at", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("bad", cut.Find("#status-banner").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Follows_the_daemon_and_node_as_they_change()
    {
        var cut = Render<StatusBanner>();
        Assert.Contains("Connecting to the Daemon", cut.Markup, StringComparison.Ordinal);

        ConnectDaemon();
        Store.NodeStarted(new UiStartResponse(55, 40000));
        Tick();
        cut.WaitForAssertion(() => Assert.Contains("Node: running (process 55)", cut.Markup, StringComparison.Ordinal));

        Store.SetDaemon(DaemonLinkStatus.Lost, "closed", Clock.GetUtcNow().AddSeconds(1));
        Tick();
        cut.WaitForAssertion(() => Assert.Contains("closed. Reconnecting", cut.Markup, StringComparison.Ordinal));
    }
}
