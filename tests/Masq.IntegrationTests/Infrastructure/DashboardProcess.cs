using System.Globalization;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>The real dashboard process, pointed at a Daemon, on a free loopback port.</summary>
internal sealed class DashboardProcess : IAsyncDisposable
{
    private readonly ProductProcess _process;

    private DashboardProcess(ProductProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public string Output => _process.Output;

    public static Task<DashboardProcess> StartAsync(DaemonProcess daemon) => StartAsync(daemon.UiPort, daemon.Environment);

    /// <summary>A dashboard whose <c>--daemon-ui-port</c> is <paramref name="uiPort"/> (a Daemon's, or a Node's directly).</summary>
    public static async Task<DashboardProcess> StartAsync(int uiPort, IReadOnlyDictionary<string, string>? environment = null)
    {
        var url = new Uri($"http://127.0.0.1:{Ports.Free()}");
        var info = ProcessRunner.StartInfo(MasqBinaries.Dashboard, ["--daemon-ui-port", uiPort.ToString(CultureInfo.InvariantCulture), "--urls", url.ToString().TrimEnd('/')], environment);
        info.WorkingDirectory = Path.GetDirectoryName(MasqBinaries.Dashboard)!;
        var process = new ProductProcess(info);
        using var http = new HttpClient();
        try
        {
            await process.WaitUntilAsync(() => IsHealthyAsync(http, url), TimeSpan.FromSeconds(60), "The dashboard");
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new DashboardProcess(process, url);
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
