using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Masq.Node.Blockchain;

/// <summary>
/// JSON-RPC 2.0 over HTTP(S) to the blockchain service, single calls and batches. Every failure becomes a
/// <see cref="BlockchainException"/> of a precise kind: unreachable or slow service, HTTP 429 or a rate-limit error,
/// an error answer, or an answer that is not JSON-RPC. Never throws anything else (but cancellation).
/// </summary>
internal sealed class JsonRpcTransport(HttpClient http, Uri? url)
{
    private const int MaxReplyBytes = 64 * 1024 * 1024;
    private long _nextId;

    public Uri? Url => url;

    public async Task<JsonElement> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var reply = (await SendAsync([new JsonRpcCall(method, parameters)], batch: false, cancellationToken).ConfigureAwait(false))[0];
        if (reply.IsError)
        {
            throw ErrorOf(method, reply);
        }

        return reply.Result;
    }

    /// <summary>Sends calls as one JSON-RPC batch; the replies come back in the order of the calls.</summary>
    public Task<IReadOnlyList<JsonRpcReply>> BatchAsync(IReadOnlyList<JsonRpcCall> calls, CancellationToken cancellationToken) =>
        calls.Count == 0 ? Task.FromResult<IReadOnlyList<JsonRpcReply>>([]) : SendAsync(calls, batch: true, cancellationToken);

    public static BlockchainException ErrorOf(string method, JsonRpcReply reply)
    {
        var message = reply.ErrorMessage ?? "unknown error";
        var kind = reply.ErrorCode is -32005 or 429 || message.Contains("rate limit", StringComparison.OrdinalIgnoreCase)
            || message.Contains("too many requests", StringComparison.OrdinalIgnoreCase)
            ? BlockchainErrorKind.RateLimited
            : BlockchainErrorKind.QueryFailed;
        return new BlockchainException(kind, $"{method}: {message}");
    }

    private async Task<IReadOnlyList<JsonRpcReply>> SendAsync(IReadOnlyList<JsonRpcCall> calls, bool batch, CancellationToken cancellationToken)
    {
        if (url is null)
        {
            throw new BlockchainException(BlockchainErrorKind.Uninitialized, "No blockchain service is configured; restart the Node with a value for blockchain-service-url");
        }

        var firstId = Interlocked.Add(ref _nextId, calls.Count) - calls.Count + 1;
        var requests = new JsonArray();
        for (var i = 0; i < calls.Count; i++)
        {
            requests.Add(new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = firstId + i,
                ["method"] = calls[i].Method,
                ["params"] = calls[i].Params.DeepClone(),
            });
        }

        var body = batch ? requests.ToJsonString() : requests[0]!.ToJsonString();
        string text;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new BlockchainException(BlockchainErrorKind.RateLimited, $"The blockchain service at {url} is rate-limiting requests (HTTP 429)");
            }

            if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
            {
                throw new BlockchainException(BlockchainErrorKind.QueryFailed, $"The blockchain service at {url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > MaxReplyBytes)
            {
                throw new BlockchainException(BlockchainErrorKind.InvalidResponse, $"The blockchain service at {url} sent an answer larger than {MaxReplyBytes} bytes");
            }

            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new BlockchainException(BlockchainErrorKind.Unreachable, $"The blockchain service at {url} cannot be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BlockchainException(BlockchainErrorKind.Unreachable, $"The blockchain service at {url} did not answer in time", e) { MayHaveArrived = true };
        }

        return Parse(text, calls, firstId, batch);
    }

    private JsonRpcReply[] Parse(string text, IReadOnlyList<JsonRpcCall> calls, long firstId, bool batch)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Garbage($"an answer that is not JSON: '{Excerpt(text)}'");
        }

        if (root.ValueKind == JsonValueKind.Object && (!batch || !root.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null))
        {
            // A single answer; for a batch only an error for the whole batch comes back like this.
            var single = ReadReply(root, calls[0].Method);
            if (!batch)
            {
                return [single];
            }

            var message = single.ErrorMessage ?? "a single answer to a batch";
            if (message.Contains("Expected batch, got single", StringComparison.OrdinalIgnoreCase))
            {
                message = "Expected batch, got single.";
            }

            throw JsonRpcTransport.ErrorOf("batch", single with { ErrorMessage = message });
        }

        if (root.ValueKind != JsonValueKind.Array || !batch)
        {
            throw Garbage($"an answer that is not JSON-RPC: '{Excerpt(text)}'");
        }

        var byId = new Dictionary<long, JsonRpcReply>();
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("id", out var elementId) || !elementId.TryGetInt64(out var number))
            {
                throw Garbage($"a batch answer without ids: '{Excerpt(text)}'");
            }

            var index = number - firstId;
            byId[number] = ReadReply(element, index >= 0 && index < calls.Count ? calls[(int)index].Method : "?");
        }

        var replies = new JsonRpcReply[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            replies[i] = byId.TryGetValue(firstId + i, out var reply)
                ? reply
                : throw Garbage($"a batch answer that leaves out call {i + 1} of {calls.Count}");
        }

        return replies;
    }

    private JsonRpcReply ReadReply(JsonElement element, string method)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Garbage($"a {method} answer that is not an object");
        }

        if (element.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            long? code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt64(out var n) ? n : null;
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!
                : error.ToString();
            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
            {
                message = $"{message} ({data.GetString()})";
            }

            return new JsonRpcReply(default, code, message);
        }

        if (!element.TryGetProperty("result", out var result))
        {
            throw Garbage($"a {method} answer with neither a result nor an error");
        }

        return new JsonRpcReply(result.Clone(), null, null);
    }

    private BlockchainException Garbage(string what) =>
        new(BlockchainErrorKind.InvalidResponse, $"The blockchain service at {url} sent {what}") { MayHaveArrived = true };

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
