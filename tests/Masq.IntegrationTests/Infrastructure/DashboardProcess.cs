using System.Globalization;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>The real dashboard process, pointed at a Daemon, on a free loopback port.</summary>
internal sealed class DashboardProcess : IAsyncDisposable
{
    private readonly ProductProcess _process;

    private DashboardProcess(ProductProcess process, Uri url, string token)
    {
        _process = process;
        Url = url;
        Token = token;
    }

    public Uri Url { get; }

    /// <summary>This run's access token, read from the file the dashboard wrote.</summary>
    public string Token { get; }

    /// <summary>The access link for <paramref name="path"/>: a browser that opens it is logged in to this dashboard.</summary>
    public string Link(string path = "/") =>
        new Masq.Dashboard.Hosting.DashboardAccess(Convert.FromHexString(Token)).LinkFor(Url, path).ToString();

    public string Output => _process.Output;

    public static Task<DashboardProcess> StartAsync(DaemonProcess daemon) => StartAsync(daemon.UiPort, daemon.Environment);

    /// <summary>A dashboard whose <c>--daemon-ui-port</c> is <paramref name="uiPort"/> (a Daemon's, or a Node's directly).</summary>
    public static async Task<DashboardProcess> StartAsync(int uiPort, IReadOnlyDictionary<string, string>? environment = null)
    {
        var url = new Uri($"http://127.0.0.1:{Ports.Free()}");
        var tokenFile = Path.Combine(Path.GetTempPath(), $"masq-dashboard-{url.Port}-{Guid.NewGuid():N}", "dashboard.token");
        var info = ProcessRunner.StartInfo(MasqBinaries.Dashboard, ["--daemon-ui-port", uiPort.ToString(CultureInfo.InvariantCulture), "--urls", url.ToString().TrimEnd('/'), "--access-token-file", tokenFile], environment);
        info.WorkingDirectory = Path.GetDirectoryName(MasqBinaries.Dashboard)!;
        var process = new ProductProcess(info);
        using var http = new HttpClient();
        try
        {
            await process.WaitUntilAsync(() => IsHealthyAsync(http, url), TimeSpan.FromSeconds(60), "The dashboard");
            await process.WaitUntilAsync(() => Task.FromResult(File.Exists(tokenFile) && new FileInfo(tokenFile).Length > 0), TimeSpan.FromSeconds(30), "The dashboard's access token");
        }
        catch
        {
            process.Dispose();
            throw;
        }
        var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
        Directory.Delete(Path.GetDirectoryName(tokenFile)!, recursive: true);
        return new DashboardProcess(process, url, token);
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, Uri url)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url, "/health"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
