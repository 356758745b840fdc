using System.Globalization;
using Masq.Dashboard.Backend;
using Masq.Dashboard.Hosting;
using Masq.Dashboard.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masq.Dashboard.Tests.Integration;

/// <summary>The real dashboard (DashboardApp with its real UI-client backend) on 127.0.0.1:0.</summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    private DashboardHost(WebApplication app, Uri address, string tokenFile)
    {
        App = app;
        Address = address;
        TokenFile = tokenFile;
    }

    /// <summary>Where this dashboard wrote its access token.</summary>
    public string TokenFile { get; }

    public DashboardAccess Access => App.Services.GetRequiredService<DashboardAccess>();

    /// <summary>The access link for <paramref name="path"/>: a browser that opens it is logged in.</summary>
    public string Link(string path = "/") => Access.LinkFor(Address, path).ToString();

    /// <summary>An HTTP client that presents the dashboard's access cookie.</summary>
    public HttpClient CreateClient()
    {
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add("Cookie", $"{DashboardAccess.CookieName(Address.Port)}={Access.Token}");
        return http;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public NodeStateStore Store => App.Services.GetRequiredService<NodeStateStore>();

    public IMasqBackend Backend => App.Services.GetRequiredService<IMasqBackend>();

    public static async Task<DashboardHost> StartAsync(int daemonPort)
    {
        var tokenFile = Path.Combine(Path.GetTempPath(), $"masq-dashboard-test-{Guid.NewGuid():N}", "dashboard.token");
        var app = DashboardApp.Build(
            ["--urls", "http://127.0.0.1:0", "--daemon-ui-port", daemonPort.ToString(CultureInfo.InvariantCulture), "--poll-interval-ms", "200", "--access-token-file", tokenFile],
            builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        return new DashboardHost(app, new Uri(app.Urls.First()), tokenFile);
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; a correctness wait, not a timing assertion.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await App.StopAsync(stop.Token);
        await App.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(TokenFile)!, recursive: true);
    }
}
