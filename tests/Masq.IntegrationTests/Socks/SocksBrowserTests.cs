using Masq.IntegrationTests.DataPath;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Masq.IntegrationTests.Socks;

/// <summary>
/// Debian's Chromium set to the Node's SOCKS5 port (Chromium sends host names, so the exit resolves them) loads an HTTP
/// and an HTTPS page through a 3-hop route; screenshots go to artifacts/screenshots.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class SocksBrowserTests(DataPathFixture fixture)
{
    [Fact]
    public async Task Chromium_with_a_socks5_proxy_loads_http_and_https_pages_through_three_hops()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], SocksThroughTheMeshTests.WithSocks(DataPathFixture.GoodDnsAddress));
        var (playwright, browser) = await Chromium.LaunchAsync($"--proxy-server=socks5://127.0.0.1:{mesh.Originator.Spec.SocksPort}");
        try
        {
            // The destination's certificate is the test's own; Chromium is told to accept it, the bytes are still TLS end to end.
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { IgnoreHTTPSErrors = true });

            var http = await page.GotoAsync(fixture.HttpUrl("/hello"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("socks5-http-three-hops.png"), FullPage = true });
            Assert.Equal(200, http!.Status);
            Assert.Equal("hello through MASQ", await page.InnerTextAsync("body"));

            var https = await page.GotoAsync(DataPathFixture.HttpsUrl("/hello"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("socks5-https-three-hops.png"), FullPage = true });
            Assert.Equal(200, https!.Status);
            Assert.Equal("hello through MASQ", await page.InnerTextAsync("body"));
            Assert.StartsWith("https://secure.masq.test/", page.Url, StringComparison.Ordinal);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
