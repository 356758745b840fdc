using Masq.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Masq.IntegrationTests.Dashboard;

/// <summary>
/// One truth about the Node in every client, whoever started it. The README's own flow (the dashboard is
/// open, the Node is started and stopped with <c>masq</c>), and a dashboard pointed at a Node's UI port directly.
/// </summary>
[Collection(IntegrationCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardFollowsTheNodeTests
{
    private static readonly LocatorAssertionsToContainTextOptions Patient = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientNot = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_dashboard_follows_a_Node_started_and_shut_down_with_masq()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        await NodeProcess.CreateDatabaseAsync(daemon.Home.Combine(".local", "share", "MASQ", "base-mainnet"));
        var setup = await daemon.MasqAsync("setup", "--neighborhood-mode", "zero-hop");
        Assert.True(setup.ExitCode == 0, setup.ToString());
        await using var dashboard = await DashboardProcess.StartAsync(daemon);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(dashboard.Link());
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Daemon connected", Patient);
            await Assertions.Expect(page.Locator("#node-state")).ToContainTextAsync("not running", Patient);

            var start = await daemon.MasqAsync("start");
            Assert.True(start.ExitCode == 0, start.ToString());

            // Without a reload, then after one.
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Node: running", Patient);
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Node: running", Patient);
            await Assertions.Expect(page.Locator("#node-state")).Not.ToContainTextAsync("not running", PatientNot);
            await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("zero-hop", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("follows-masq-start.png"), FullPage = true });

            var shutdown = await daemon.MasqAsync("shutdown");
            Assert.True(shutdown.ExitCode == 0, shutdown.ToString());
            await Assertions.Expect(page.Locator("#status-banner")).Not.ToContainTextAsync("Node: running", PatientNot);
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#node-state")).ToContainTextAsync("not running", Patient);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("follows-masq-shutdown.png"), FullPage = true });

            // The Daemon saw its Node exit cleanly; nothing crashed on the way out.
            await WaitForAsync(() => daemon.Output.Contains("terminated with exit code", StringComparison.Ordinal));
            Assert.Contains("terminated with exit code 0", daemon.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", daemon.Output, StringComparison.Ordinal);
            var nodeLog = Directory.EnumerateFiles(daemon.Home.Path, "MASQNode_rCURRENT.log", SearchOption.AllDirectories).Single();
            Assert.DoesNotContain("Unhandled exception", await ReadSharedAsync(nodeLog), StringComparison.Ordinal);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_dashboard_pointed_at_a_Node_directly_shows_it_running()
    {
        using var directory = new TestDirectory();
        await using var node = await NodeProcess.StartAsync(["--neighborhood-mode", "zero-hop", "--data-directory", directory.Path, "--proxy-port", "0"]);
        await using var dashboard = await DashboardProcess.StartAsync(node.UiPort);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            await page.GotoAsync(dashboard.Link());
            await Assertions.Expect(page.Locator("#status-banner")).ToContainTextAsync("Node: running", Patient);
            await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("zero-hop", Patient);
            var state = await page.Locator("#node-state").InnerTextAsync();
            Assert.DoesNotContain("not running", state, StringComparison.Ordinal);
            Assert.DoesNotContain("unknown", state, StringComparison.Ordinal);
            Assert.DoesNotContain("The Node is not running", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("direct-node.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
