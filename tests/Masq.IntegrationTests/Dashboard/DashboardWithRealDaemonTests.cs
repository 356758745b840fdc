using Masq.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Masq.IntegrationTests.Dashboard;

/// <summary>The real dashboard, the real Daemon and the real Node it launches, driven in Debian's Chromium.</summary>
[Collection(IntegrationCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardWithRealDaemonTests
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_newcomer_follows_the_wizard_to_a_running_zero_hop_Node_and_shuts_it_down()
    {
        // Loopback destinations are allowed only for tests (the reference's MASQ_INTEGRATION_TEST).
        await using var daemon = await DaemonProcess.StartAsync(new Dictionary<string, string> { ["MASQ_INTEGRATION_TEST"] = "true" });
        await using var destination = await LocalWebServer.StartAsync();
        await using var dashboard = await DashboardProcess.StartAsync(daemon);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(dashboard.Link("/wizard"));
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Daemon connected", Patient);

            await page.CheckAsync("input[name=mode][value=zero-hop]");
            await page.ClickAsync("#mode-next");
            await page.FillAsync("#password1", "correct horse battery staple");
            await page.FillAsync("#password2", "correct horse battery staple");
            await page.ClickAsync("#password-next");
            await page.ClickAsync("#blockchain-next");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("real-wizard-start.png"), FullPage = true });
            await page.ClickAsync("#start-node");
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Node: running", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("real-wizard-started.png"), FullPage = true });
            Assert.DoesNotContain("correct horse", await page.ContentAsync(), StringComparison.Ordinal);

            // The Node really runs zero-hop with the password the wizard set.
            var check = await daemon.MasqAsync("check-password", "correct horse battery staple");
            Assert.True(check.ExitCode == 0, check.ToString());
            Assert.Contains("Password is correct", check.StandardOutput, StringComparison.Ordinal);

            await page.GotoAsync(dashboard.Link());
            await Assertions.Expect(page.Locator("#node-state")).ToContainTextAsync("running", Patient);
            await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("zero-hop", Patient);

            // Browse through the Node's forward proxy; the page shows the traffic live, without a refresh.
            using (var handler = new HttpClientHandler { Proxy = new System.Net.WebProxy($"http://127.0.0.1:{daemon.ProxyPort}"), UseProxy = true })
            using (var browser2 = new HttpClient(handler))
            {
                for (var i = 0; i < 3; i++)
                {
                    var body = await browser2.GetByteArrayAsync(new Uri(destination.Url, "/bytes/300000"));
                    Assert.Equal(LocalWebServer.Bytes(300_000), body);
                }
            }
            await Assertions.Expect(page.Locator("#traffic-table")).ToContainTextAsync("Consumed", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("real-overview.png"), FullPage = true });

            // Shut down from the command line: the page follows.
            var shutdown = await daemon.MasqAsync("shutdown");
            Assert.True(shutdown.ExitCode == 0, shutdown.ToString());
            await Assertions.Expect(page.Locator("#status-banner")).Not.ToContainTextAsync("Node: running", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("real-overview-stopped.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
