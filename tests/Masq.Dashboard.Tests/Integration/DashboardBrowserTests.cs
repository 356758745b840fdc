using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;
using Microsoft.Playwright;

namespace Masq.Dashboard.Tests.Integration;

/// <summary>The real dashboard in real Chromium against the scripted Daemon and Node.</summary>
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 15_000 };

    [Fact]
    public async Task Overview_shows_the_running_node_and_updates_live()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var page = await OpenAsync(dashboard, "/");

        await Assertions.Expect(page.Locator("#node-state")).ToContainTextAsync("running", Patient);
        await Assertions.Expect(page.Locator("#descriptor")).ToContainTextAsync(FakeMasqDaemon.Descriptor, Patient);
        await Assertions.Expect(page.Locator("#connection-stage")).ToContainTextAsync("RouteFound", Patient);
        await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("standard", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("overview.png"), FullPage = true });

        await daemon.CrashNodeAsync("thread 'main' panicked at 'database is locked'");
        await Assertions.Expect(page.Locator("#node-state")).ToContainTextAsync("database is locked", Patient);
        await Assertions.Expect(page.Locator(".notices")).ToContainTextAsync("terminated", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("overview-crashed.png"), FullPage = true });
    }

    [Fact]
    public async Task Daemon_loss_is_shown_on_the_page_and_recovery_follows()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var page = await OpenAsync(dashboard, "/setup");
        await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Daemon connected", Patient);

        await daemon.KillDaemonAsync();
        await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Reconnecting", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("daemon-lost.png") });

        await daemon.RestartDaemonAsync();
        await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Node: running", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Setup_page_shows_the_daemons_error_inline_and_masks_the_password()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var page = await OpenAsync(dashboard, "/setup");
        await Assertions.Expect(page.Locator("#row-chain")).ToContainTextAsync("base-sepolia", Patient);

        await page.ClickAsync("#edit-button-db-password");
        await page.FillAsync("#edit-db-password", "very secret words");
        await page.Locator("#edit-db-password").BlurAsync();
        await page.ClickAsync("#save-db-password");
        await Assertions.Expect(page.Locator("#row-db-password")).ToContainTextAsync("Set", Patient);

        await page.ClickAsync("#edit-button-log-level");
        await page.FillAsync("#edit-log-level", "loud");
        await page.Locator("#edit-log-level").BlurAsync();
        await page.ClickAsync("#save-log-level");
        await Assertions.Expect(page.Locator("#error-log-level")).ToContainTextAsync("Invalid value: loud", Patient);

        Assert.DoesNotContain("very secret", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("loud", await page.InputValueAsync("#edit-log-level"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("setup.png"), FullPage = true });
    }

    [Fact]
    public async Task Setup_sources_wrap_in_their_column_and_never_run_under_the_buttons()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        // A default's source names the whole default value, one long word.
        daemon.Preset(new UiSetupResponseValue(ParameterNames.PaymentThresholds, "1000000000|1200|1200|500000000|21600|500000000", SetupStatus.Default));
        daemon.Preset(new UiSetupResponseValue(ParameterNames.ScanIntervals, "5|10|5", SetupStatus.Configured));
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var page = await OpenAsync(dashboard, "/setup");
        await Assertions.Expect(page.Locator("#row-scan-intervals")).ToContainTextAsync("MASQ_SCAN_INTERVALS", Patient);

        foreach (var name in new[] { ParameterNames.PaymentThresholds, ParameterNames.ScanIntervals, ParameterNames.Chain })
        {
            var source = (await page.Locator($"#row-{name} td.source").BoundingBoxAsync())!;
            var text = (await page.Locator($"#row-{name} td.source").EvaluateAsync<double>("e => { const r = document.createRange(); r.selectNodeContents(e); return r.getBoundingClientRect().right; }"));
            var edit = (await page.Locator($"#edit-button-{name}").BoundingBoxAsync())!;
            Assert.True(text <= source.X + source.Width + 0.5, $"{name}: the source text ends at {text}, past its cell ({source.X + source.Width})");
            Assert.True(source.X + source.Width <= edit.X, $"{name}: the source cell ends at {source.X + source.Width}, under the Edit button at {edit.X}");
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("setup-sources.png"), FullPage = true });
    }

    [Fact]
    public async Task Traffic_rates_read_in_the_same_binary_unit_on_the_Overview_and_the_Accounting_chart()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var page = await OpenAsync(dashboard, "/accounting");
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("1.25", Patient);

        // About 3 MiB served per second, for a few seconds (the page keeps samples of rates between reports).
        const ulong PerReport = 3UL * 1024 * 1024;
        for (var i = 0UL; i < 5; i++)
        {
            await daemon.NodeEndpoint.BroadcastAsync(new UiTrafficStatsBroadcast(
                new UiTrafficCounters(i * 1024, i * 512), new UiTrafficCounters(0, 0), new UiTrafficCounters(0, i * PerReport)));
            await Task.Delay(1000);
        }

        await Assertions.Expect(page.Locator(".chart .u-title").Last).ToHaveTextAsync("Bytes served per second (MiB/s)", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accounting-traffic.png"), FullPage = true });
        await page.ClickAsync("a[href='']");
        await Assertions.Expect(page.Locator("#traffic-table")).ToContainTextAsync("MiB/s", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("overview-traffic.png"), FullPage = true });
    }

    [Fact]
    public async Task Accounting_and_neighborhood_pages_draw_the_nodes_figures()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);

        var page = await OpenAsync(dashboard, "/accounting");
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("1.25", Patient);
        // Let a few samples reach the chart, then change the Node's figures and see the page follow.
        await Task.Delay(1500);
        daemon.Financials = daemon.Financials with { StatsOpt = daemon.Financials.StatsOpt! with { TotalUnpaidReceivableGwei = 6_750_000_000 } };
        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("6.75", Patient);
        await Task.Delay(1000);
        await Assertions.Expect(page.Locator(".chart canvas").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accounting.png"), FullPage = true });

        await page.ClickAsync("a[href=neighborhood]");
        await Assertions.Expect(page.Locator("#graph-summary")).ToContainTextAsync("5 Nodes known; this Node has 2 full neighbors", Patient);
        Assert.Equal(1, await page.Locator("svg.graph g.node.local").CountAsync());
        await page.FillAsync("#exit-codes", "de|fr");
        await page.Locator("#exit-codes").BlurAsync();
        await page.ClickAsync("#set-exit");
        await Assertions.Expect(page.Locator("#exit-current")).ToContainTextAsync("Country Codes: [DE] - Priority: 1", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("neighborhood.png"), FullPage = true });
    }

    [Fact]
    public async Task Accounting_chart_reads_a_single_sample_of_tiny_amounts()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        // A few thousand gwei (millionths of a MASQ): the totals read "< 0.01"; the chart must still read.
        daemon.Financials = daemon.Financials with { StatsOpt = new UiFinancialStatistics(1_500, 0, 4_200, 250) };
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var errors = new List<string>();
        var page = await OpenAsync(dashboard, "/accounting");
        page.PageError += (_, error) => errors.Add(error);

        await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("4,200 gwei", Patient);
        await Assertions.Expect(page.Locator(".chart canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart .u-title").First).ToHaveTextAsync("Amounts (gwei)", new() { Timeout = 15_000 });
        // The Node's figures do not change, so the history holds one sample.
        await Task.Delay(1000);
        // Hovering the lone sample puts its exact amounts in the legend.
        var over = page.Locator(".chart .u-over").First;
        var box = (await over.BoundingBoxAsync())!;
        await over.HoverAsync(new LocatorHoverOptions { Position = new Position { X = box.Width - 2, Y = box.Height / 2 } });
        await Assertions.Expect(page.Locator(".chart .u-legend").First).ToContainTextAsync("4,200", Patient);
        await Assertions.Expect(page.Locator(".chart .u-legend").First).ToContainTextAsync("1,500", Patient);
        await page.Locator(".chart").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot("accounting-chart-tiny.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("accounting-tiny.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Wizard_takes_a_newcomer_to_a_running_zero_hop_node_with_wallets()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var page = await OpenAsync(dashboard, "/wizard");

        await page.ClickAsync("#mode-next");
        await page.FillAsync("#password1", "correct horse");
        await page.FillAsync("#password2", "correct horse");
        await page.Locator("#password2").BlurAsync();
        await page.ClickAsync("#password-next");
        await page.ClickAsync("#blockchain-next");
        await page.ClickAsync("#start-node");
        await Assertions.Expect(page.Locator("#step-wallets")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await page.ClickAsync("#choose-generate");
        await page.SelectOptionAsync("#word-count", "12");
        await page.ClickAsync("#generate");
        await Assertions.Expect(page.Locator("#mnemonic li")).ToHaveCountAsync(12, new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("wizard-mnemonic.png"), FullPage = true });
        Assert.DoesNotContain(new string('A', 64), await page.ContentAsync(), StringComparison.Ordinal);

        await page.ClickAsync("#wrote-it-down");
        // The confirmation fields arrive with the next render; enumerate them only once they are there.
        await page.Locator("input[id^=confirm-]").First.WaitForAsync(new() { Timeout = 15_000 });
        foreach (var input in await page.Locator("input[id^=confirm-]").AllAsync())
        {
            var id = await input.GetAttributeAsync("id");
            var position = int.Parse(id!["confirm-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            await input.FillAsync(FakeMasqDaemon.MnemonicWords[position - 1]);
            await input.BlurAsync();
        }
        await page.ClickAsync("#confirm-words");
        await Assertions.Expect(page.Locator("#wallets-done")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ClickAsync("#wallets-continue");
        await Assertions.Expect(page.Locator("#curl-example")).ToHaveTextAsync("curl -x http://127.0.0.1:8118 http://example.com/", new() { Timeout = 15_000 });
        Assert.DoesNotContain("legal winner", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("wizard-finish.png"), FullPage = true });
    }

    [Fact]
    public async Task Logs_page_streams_and_filters_the_nodes_broadcasts()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var page = await OpenAsync(dashboard, "/logs");
        await DashboardHost.WaitUntilAsync(() => daemon.NodeEndpoint.ConnectionCount > 0, "the Node connection");

        await daemon.NodeEndpoint.BroadcastAsync(new UiLogBroadcast("Received Debut from 5.6.7.8:1234", UiLogLevel.Info));
        await daemon.NodeEndpoint.BroadcastAsync(new UiLogBroadcast("Payable scan could not start: no consuming wallet", UiLogLevel.Warn));
        await Assertions.Expect(page.Locator("#log-table")).ToContainTextAsync("no consuming wallet", Patient);

        await page.UncheckAsync("#level-warn");
        await Assertions.Expect(page.Locator("#log-table")).Not.ToContainTextAsync("no consuming wallet", Patient);
        await Assertions.Expect(page.Locator("#log-table")).ToContainTextAsync("Debut", Patient);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("logs.png") });
    }

    [Fact]
    public async Task Ten_tabs_all_follow_a_payable_change()
    {
        // The dashboard's memory and CPU with many tabs are measured by the dashboard-tabs benchmark, against a real Node.
        await using var daemon = await FakeMasqDaemon.StartAsync(nodeRunning: true);
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        await using var context = await fixture.Browser.NewContextAsync();
        var pages = new List<IPage>();
        for (var i = 0; i < 10; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(dashboard.Link("/accounting"));
            pages.Add(page);
        }
        foreach (var page in pages)
        {
            await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("1.25", Patient);
        }

        daemon.Financials = daemon.Financials with { StatsOpt = daemon.Financials.StatsOpt! with { TotalUnpaidAndPendingPayableGwei = 8_880_000_000 } };
        foreach (var page in pages)
        {
            await Assertions.Expect(page.Locator("#totals")).ToContainTextAsync("8.88", Patient);
        }
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private async Task<IPage> OpenAsync(DashboardHost dashboard, string path)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(dashboard.Link(path));
        return page;
    }
}
