using System.Net;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Microsoft.Playwright;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// What a user sees in Debian's Chromium, proxied through a real Node, when the server is down or the target is refused.
/// Chromium bypasses proxies for loopback addresses unless told <c>--proxy-bypass-list=&lt;-loopback&gt;</c>.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class ErrorPageBrowserTests
{
    private static readonly IPAddress Nowhere = IPAddress.Parse("127.0.93.1");

    [Fact]
    public async Task Chromium_shows_the_counterfeit_page_when_the_server_is_down_and_an_ssl_error_for_https()
    {
        await using var node = await ZeroHopNodeAsync(allowLoopback: true);
        int closed = FreePorts.On(Nowhere);
        var (playwright, browser) = await Chromium.LaunchAsync($"--proxy-server=http://127.0.0.1:{node.Spec.ProxyPort}", "--proxy-bypass-list=<-loopback>");
        try
        {
            var page = await browser.NewPageAsync();
            var response = await page.GotoAsync($"http://{Nowhere}:{closed}/index.html");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("error-page-connection-refused.png"), FullPage = true });

            Assert.Equal(502, response!.Status);
            string text = await page.InnerTextAsync("body");
            Assert.Contains("Error 502", text, StringComparison.Ordinal);
            Assert.Contains("Title: Connection Refused", text, StringComparison.Ordinal);
            Assert.Contains($"{Nowhere}:{closed} refused the connection", text, StringComparison.Ordinal);

            // HTTPS: the tunnel opens, the ClientHello goes to the exit, and the alert comes back; Chromium names it.
            var https = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync($"https://{Nowhere}/"));
            Assert.Contains("ERR_SSL_PROTOCOL_ERROR", https.Message, StringComparison.Ordinal);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task Chromium_shows_the_local_address_page_when_loopback_targets_are_not_allowed()
    {
        await using var node = await ZeroHopNodeAsync(allowLoopback: false);
        var (playwright, browser) = await Chromium.LaunchAsync($"--proxy-server=http://127.0.0.1:{node.Spec.ProxyPort}", "--proxy-bypass-list=<-loopback>");
        try
        {
            var page = await browser.NewPageAsync();
            var response = await page.GotoAsync("http://127.0.0.1:8000/");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("error-page-local-address.png"), FullPage = true });

            Assert.Equal(403, response!.Status);
            string text = await page.InnerTextAsync("body");
            Assert.Contains("Title: Local Address Refused", text, StringComparison.Ordinal);
            Assert.Contains("--allow-loopback-targets on", text, StringComparison.Ordinal);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static Task<MeshNode> ZeroHopNodeAsync(bool allowLoopback) =>
        MeshNode.StartAsync(new MeshNodeSpec(IPAddress.Loopback, 0, FreePorts.On(IPAddress.Loopback), CryptDeReal.Generate(Masq.Lib.Blockchains.Chain.BaseSepolia.ContractAddress.Bytes))
        {
            Mode = NeighborhoodMode.ZeroHop,
            DnsServers = [DataPathFixture.GoodDnsAddress],
            Options = new DataPathOptions { AllowLoopbackTargets = allowLoopback },
        });
}
