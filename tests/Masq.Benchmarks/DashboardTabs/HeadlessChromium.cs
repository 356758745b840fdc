using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Masq.Benchmarks.DashboardTabs;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (the benchmark runner has no Playwright): tabs opened
/// with <c>PUT /json/new</c>, expressions evaluated in a tab over its WebSocket. Background throttling is off, so every
/// tab keeps its Blazor circuit busy as a visible one would.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly ChildProcess _process;
    private readonly string _profile;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private HeadlessChromium(ChildProcess process, string profile, int port)
    {
        _process = process;
        _profile = profile;
        DevTools = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri DevTools { get; }

    public int ProcessId => _process.Id;

    public static async Task<HeadlessChromium> StartAsync(int port)
    {
        string executable = Environment.GetEnvironmentVariable("BROWSER_PATH") ?? "/usr/bin/chromium";
        string profile = Path.Combine(Path.GetTempPath(), "masq-tabs-chromium-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(profile);
        var process = new ChildProcess(executable,
        [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows", "--window-size=1280,900",
            $"--remote-debugging-port={port.ToString(CultureInfo.InvariantCulture)}", "--remote-debugging-address=127.0.0.1",
            $"--user-data-dir={profile}", "about:blank",
        ]);
        var chromium = new HeadlessChromium(process, profile, port);
        await process.WaitUntilAsync(chromium.AnswersAsync, TimeSpan.FromSeconds(60), "DevTools endpoint");
        return chromium;
    }

    /// <summary>Opens <paramref name="url"/> in a new tab; answers the tab's DevTools WebSocket URL.</summary>
    public async Task<Uri> OpenTabAsync(Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(DevTools, "/json/new?" + url));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Uri(json.RootElement.GetProperty("webSocketDebuggerUrl").GetString()!);
    }

    /// <summary>Evaluates a JavaScript expression in a tab; answers its value as text (null for undefined/null).</summary>
    public static async Task<string?> EvaluateAsync(Uri tab, string expression)
    {
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(tab, timeout.Token);
        string command = JsonSerializer.Serialize(new
        {
            id = 1,
            method = "Runtime.evaluate",
            @params = new { expression = $"String({expression})", returnByValue = true },
        });
        await socket.SendAsync(Encoding.UTF8.GetBytes(command), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            using var json = JsonDocument.Parse(message.ToArray());
            if (json.RootElement.TryGetProperty("id", out var id) && id.GetInt32() == 1)
            {
                var value = json.RootElement.GetProperty("result").GetProperty("result");
                return value.TryGetProperty("value", out var v) ? v.GetString() : null;
            }
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(DevTools, "/json/version"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
