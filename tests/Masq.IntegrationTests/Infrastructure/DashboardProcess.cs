using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>The real dashboard process, pointed at a Daemon, on a free loopback port.</summary>
internal sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DashboardProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<DashboardProcess> StartAsync(DaemonProcess daemon)
    {
        var port = Ports.Free();
        var url = new Uri($"http://127.0.0.1:{port}");
        var info = ProcessRunner.StartInfo(MasqBinaries.Dashboard, ["--daemon-ui-port", daemon.UiPort.ToString(CultureInfo.InvariantCulture), "--urls", url.ToString().TrimEnd('/')], daemon.Environment);
        info.WorkingDirectory = Path.GetDirectoryName(MasqBinaries.Dashboard)!;
        var process = new Process { StartInfo = info };
        var dashboard = new DashboardProcess(process, url);
        process.OutputDataReceived += (_, e) => dashboard.Append(e.Data);
        process.ErrorDataReceived += (_, e) => dashboard.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with {process.ExitCode}:\n{dashboard.Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(url, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return dashboard;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        await dashboard.DisposeAsync();
        throw new TimeoutException($"The dashboard did not answer:\n{dashboard.Output}");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
