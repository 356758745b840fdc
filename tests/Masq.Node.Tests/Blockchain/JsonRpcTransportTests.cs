using System.Text.Json;
using System.Text.Json.Nodes;
using Masq.Node.Blockchain;

namespace Masq.Node.Tests.Blockchain;

/// <summary>Every way a blockchain service can fail maps to one precise, typed error.</summary>
public sealed class JsonRpcTransportTests
{
    [Fact]
    public async Task A_result_comes_back_as_json()
    {
        await using var server = new ScriptedRpcServer(body => (200, Reply(body, "\"0x2a\""), TimeSpan.Zero));

        var result = await Transport(server.Url).CallAsync("eth_blockNumber", [], CancellationToken.None);

        Assert.Equal("0x2a", result.GetString());
        Assert.Contains("\"method\":\"eth_blockNumber\"", server.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_is_matched_by_id_whatever_the_order()
    {
        await using var server = new ScriptedRpcServer(body =>
        {
            var calls = JsonNode.Parse(body)!.AsArray();
            var answers = calls.Reverse().Select(c => $"{{\"jsonrpc\":\"2.0\",\"id\":{c!["id"]},\"result\":\"{c["params"]![0]}\"}}");
            return (200, "[" + string.Join(",", answers) + "]", TimeSpan.Zero);
        });

        var replies = await Transport(server.Url).BatchAsync([new JsonRpcCall("a", ["first"]), new JsonRpcCall("b", ["second"])], CancellationToken.None);

        Assert.Equal(["first", "second"], replies.Select(r => r.Result.GetString()));
    }

    [Theory]
    [InlineData(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"execution reverted\"}}", (int)BlockchainErrorKind.QueryFailed, "execution reverted")]
    [InlineData(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32005,\"message\":\"daily request count exceeded\"}}", (int)BlockchainErrorKind.RateLimited, "daily request count")]
    [InlineData(429, "{}", (int)BlockchainErrorKind.RateLimited, "HTTP 429")]
    [InlineData(200, "<html>bad gateway</html>", (int)BlockchainErrorKind.InvalidResponse, "not JSON")]
    [InlineData(200, "[1,2]", (int)BlockchainErrorKind.InvalidResponse, "not JSON-RPC")]
    [InlineData(200, "{\"jsonrpc\":\"2.0\",\"id\":1}", (int)BlockchainErrorKind.InvalidResponse, "neither a result nor an error")]
    public async Task Failures_are_typed(int status, string body, int kind, string text)
    {
        await using var server = new ScriptedRpcServer(_ => (status, body, TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<BlockchainException>(() => Transport(server.Url).CallAsync("eth_gasPrice", [], CancellationToken.None));

        Assert.Equal((BlockchainErrorKind)kind, error.Kind);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_is_not_there_is_unreachable_and_certainly_got_nothing()
    {
        var url = new Uri("http://127.0.0.1:9/");

        var error = await Assert.ThrowsAsync<BlockchainException>(() => Transport(url).CallAsync("eth_gasPrice", [], CancellationToken.None));

        Assert.Equal(BlockchainErrorKind.Unreachable, error.Kind);
        Assert.False(error.MayHaveArrived);
    }

    [Fact]
    public async Task A_slow_service_times_out_and_may_have_got_the_request()
    {
        await using var server = new ScriptedRpcServer(body => (200, Reply(body, "\"0x1\""), TimeSpan.FromSeconds(3)));
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        var error = await Assert.ThrowsAsync<BlockchainException>(() => new JsonRpcTransport(http, server.Url).CallAsync("eth_sendRawTransaction", ["0x00"], CancellationToken.None));

        Assert.Equal(BlockchainErrorKind.Unreachable, error.Kind);
        Assert.True(error.MayHaveArrived);
        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_url_every_call_is_uninitialized()
    {
        var error = await Assert.ThrowsAsync<BlockchainException>(() => Transport(null).CallAsync("eth_gasPrice", [], CancellationToken.None));

        Assert.Equal(BlockchainErrorKind.Uninitialized, error.Kind);
        Assert.Contains("blockchain-service-url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_answer_to_a_batch_is_the_batch_refusal()
    {
        await using var server = new ScriptedRpcServer(_ => (200, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Expected batch, got single.\"}}", TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<BlockchainException>(() => Transport(server.Url).BatchAsync([new JsonRpcCall("a", []), new JsonRpcCall("b", [])], CancellationToken.None));

        Assert.True(BlockRangeLimit.TryParse(error.Message, out var limit));
        Assert.Equal(1000UL, limit);
    }

    private static JsonRpcTransport Transport(Uri? url) => new(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, url);

    private static string Reply(string request, string result) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":{JsonDocument.Parse(request).RootElement.GetProperty("id").GetInt64()},\"result\":{result}}}";
}
