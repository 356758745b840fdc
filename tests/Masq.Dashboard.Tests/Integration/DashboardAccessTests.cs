using System.Net;
using System.Net.WebSockets;
using Masq.Dashboard.Hosting;

namespace Masq.Dashboard.Tests.Integration;

/// <summary>
/// The dashboard obeys only whoever holds this run's access token: any other local user who reaches 127.0.0.1 gets
/// 401, never a page or a Blazor circuit that would command the Daemon with the owner's UI cookie.
/// </summary>
public sealed class DashboardAccessTests
{
    [Fact]
    public async Task Without_the_token_every_page_and_the_Blazor_hub_are_refused_and_only_health_answers()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.Address };

        foreach (var path in new[] { "/", "/wizard", "/setup", "/accounting", "/js/charts.js", "/_framework/blazor.web.js" })
        {
            using var response = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("access link", body, StringComparison.Ordinal);
            Assert.DoesNotContain(dashboard.Access.Token, body, StringComparison.Ordinal);
        }

        using (var negotiate = await stranger.PostAsync("/_blazor/negotiate?negotiateVersion=1", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
        }

        using (var socket = new ClientWebSocket())
        {
            socket.Options.CollectHttpResponseDetails = true;
            var hub = new UriBuilder(dashboard.Address) { Scheme = "ws", Path = "/_blazor" }.Uri;
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(hub, CancellationToken.None));
            Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        }

        // A wrong token, in the link or in the cookie, is no better than none.
        var wrong = new string('0', dashboard.Access.Token.Length);
        using (var guessed = await stranger.GetAsync("/?token=" + wrong))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        }

        using (var forged = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            forged.Headers.Add("Cookie", $"{DashboardAccess.CookieName(dashboard.Address.Port)}={wrong}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.SendAsync(forged)).StatusCode);
        }

        using var health = await stranger.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_link_sets_a_strict_http_only_cookie_and_redirects_to_the_page_without_the_token()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);
        var cookies = new CookieContainer();
        using var owner = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = dashboard.Address };

        using var login = await owner.GetAsync(new Uri(dashboard.Link("/accounting?range=day")).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/accounting?range=day", login.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{DashboardAccess.CookieName(dashboard.Address.Port)}={dashboard.Access.Token}", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);

        using var page = await owner.GetAsync("/accounting");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("_framework/blazor.web.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_file_holds_this_runs_token_and_only_its_owner_may_read_it()
    {
        await using var daemon = await FakeMasqDaemon.StartAsync();
        await using var dashboard = await DashboardHost.StartAsync(daemon.DaemonEndpoint.Port);

        await DashboardHost.WaitUntilAsync(() => File.Exists(dashboard.TokenFile), "the token file");
        Assert.Equal(dashboard.Access.Token, (await File.ReadAllTextAsync(dashboard.TokenFile)).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dashboard.TokenFile));
        }

        // Every run has its own token: a link from an earlier run opens nothing.
        Assert.NotEqual(dashboard.Access.Token, new DashboardAccess().Token);
    }
}
