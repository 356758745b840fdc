using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// A JSON-RPC proxy on 127.0.0.1 in front of ganache that injects a provider's faults: a block-range limit on
/// <c>eth_getLogs</c> ("… max: N"), HTTP 429 on every call, or an answer that is not JSON.
/// </summary>
internal sealed class FaultyRpcProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new();
    private readonly Uri _upstream;
    private readonly ulong? _maxLogRange;
    private readonly Fault _fault;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ulong> _logRanges = [];
    private Task _loop = Task.CompletedTask;

    private FaultyRpcProxy(Uri upstream, ulong? maxLogRange, Fault fault)
    {
        _upstream = upstream;
        _maxLogRange = maxLogRange;
        _fault = fault;
        var port = Ports.Free();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
    }

    public enum Fault
    {
        None,
        RateLimit,
        Garbage,
    }

    public Uri Url { get; }

    /// <summary>The block ranges of the eth_getLogs calls that were let through.</summary>
    public IReadOnlyList<ulong> LogRanges
    {
        get
        {
            lock (_logRanges)
            {
                return _logRanges.ToList();
            }
        }
    }

    public static Task<FaultyRpcProxy> StartAsync(Uri upstream, ulong? maxLogRange = null, Fault fault = Fault.None)
    {
        var proxy = new FaultyRpcProxy(upstream, maxLogRange, fault);
        proxy._listener.Start();
        proxy._loop = Task.Run(proxy.ServeAsync);
        return Task.FromResult(proxy);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        string answer;
        var status = 200;
        if (_fault == Fault.RateLimit)
        {
            status = 429;
            answer = "Too Many Requests";
        }
        else if (_fault == Fault.Garbage)
        {
            answer = "<html>upstream gone fishing</html>";
        }
        else if (RangeRefusal(body) is { } refusal)
        {
            answer = refusal;
        }
        else
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(_upstream, content);
            answer = await response.Content.ReadAsStringAsync();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = status == 200 && _fault != Fault.Garbage ? "application/json" : "text/plain";
        var bytes = Encoding.UTF8.GetBytes(answer);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private string? RangeRefusal(string body)
    {
        if (_maxLogRange is not { } max || JsonNode.Parse(body) is not JsonObject call || call["method"]?.GetValue<string>() != "eth_getLogs")
        {
            return null;
        }

        var filter = call["params"]![0]!;
        var from = Block(filter["fromBlock"]);
        var to = Block(filter["toBlock"]);
        var range = to - from + 1;
        if (range > max)
        {
            return new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = call["id"]!.DeepClone(),
                ["error"] = new JsonObject { ["code"] = -32005, ["message"] = $"eth_getLogs is limited to a 500 block range, max: {max}" },
            }.ToJsonString();
        }

        lock (_logRanges)
        {
            _logRanges.Add(range);
        }

        return null;
    }

    private static ulong Block(JsonNode? tag)
    {
        var text = tag?.GetValue<string>() ?? "latest";
        return text.StartsWith("0x", StringComparison.Ordinal)
            ? ulong.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : ulong.MaxValue / 2;
    }
}
