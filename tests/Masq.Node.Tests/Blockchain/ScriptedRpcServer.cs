using System.Net;
using System.Text;
using Masq.Node.Tests.Persistence;

namespace Masq.Node.Tests.Blockchain;

/// <summary>A JSON-RPC endpoint on 127.0.0.1 that answers every request with a scripted status and body.</summary>
internal sealed class ScriptedRpcServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, (int Status, string Body, TimeSpan Delay)> _answer;
    private readonly Task _loop;

    public ScriptedRpcServer(Func<string, (int Status, string Body, TimeSpan Delay)> answer)
    {
        _answer = answer;
        while (true)
        {
            var port = Random.Shared.Next(30_000, 60_000);
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Url.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException)
            {
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; private set; } = null!;

    public List<string> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add(body);
            }

            var (status, answer, delay) = _answer(body);
            await Task.Delay(delay);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
            }
        }
    }
}
