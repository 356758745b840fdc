using Bunit;
using Masq.Dashboard.Components.Pages;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Components;

public sealed class LogsTests : DashboardTestContext
{
    public LogsTests()
    {
        RunNode();
        Store.AddLog(new UiLogBroadcast("Node started", UiLogLevel.Info));
        Store.AddLog(new UiLogBroadcast("Gossip from 1.2.3.4 was odd", UiLogLevel.Warn));
        Store.AddLog(new UiLogBroadcast("Payable scan failed", UiLogLevel.Error));
    }

    [Fact]
    public void Shows_the_newest_first()
    {
        var cut = Render<Logs>();

        var rows = cut.FindAll("#log-table tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("Payable scan failed", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("log-error", rows[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("Node started", rows[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_by_level_and_text()
    {
        var cut = Render<Logs>();

        cut.Find("#level-info").Change(false);
        Assert.Equal(2, cut.FindAll("#log-table tbody tr").Count);

        cut.Find("#log-search").Input("gossip");
        var row = Assert.Single(cut.FindAll("#log-table tbody tr"));
        Assert.Contains("Gossip from 1.2.3.4", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 of 3 lines shown", cut.Find("#log-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void New_lines_arrive_live_unless_paused()
    {
        var cut = Render<Logs>();

        Store.AddLog(new UiLogBroadcast("Route found", UiLogLevel.Info));
        Tick();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("#log-table tbody tr").Count));

        cut.Find("#log-pause").Change(true);
        Store.AddLog(new UiLogBroadcast("later", UiLogLevel.Info));
        Tick();
        cut.WaitForAssertion(() => Assert.Contains("(paused)", cut.Find("#log-count").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("later", cut.Find("#log-table").TextContent, StringComparison.Ordinal);
    }
}
