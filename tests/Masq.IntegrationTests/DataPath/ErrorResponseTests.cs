using System.Net;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath;

/// <summary>The counterfeit pages and TLS alerts of data-path.md §5, each case logged once, the Node serving on.</summary>
[Collection(DataPathCollection.Name)]
public sealed class ErrorResponseTests(DataPathFixture fixture)
{
    private static readonly byte[] AnyHandshakeRecord = [0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00];

    [Fact]
    public async Task No_route_gives_a_503_page_for_http_and_alert_0x50_for_tls()
    {
        // A decentralized Node with a wallet but no routes (no Neighborhood yet).
        await using var mesh = await TestMesh.StartAsync(1, []);
        int port = mesh.Originator.Spec.ProxyPort;

        string page = await RawBrowser.ExchangeAsync(port, $"GET {fixture.HttpUrl("/hello")} HTTP/1.1\r\nHost: {DataPathFixture.FilesHost}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 503 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html\r\n", page, StringComparison.Ordinal);
        Assert.Contains($"Can&#39;t find a route to {DataPathFixture.FilesHost}", page, StringComparison.Ordinal);

        await using var tls = await RawBrowser.ConnectAsync(port);
        await tls.SendAsync($"CONNECT {DataPathFixture.SecureHost}:443 HTTP/1.1\r\nHost: {DataPathFixture.SecureHost}:443\r\n\r\n");
        Assert.Equal("HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(), await tls.ReadExactlyAsync(19));
        await tls.SendAsync(AnyHandshakeRecord);
        Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50 }, await tls.ReadToEndAsync());

        Assert.Equal(2, mesh.Originator.Logs.Count(DataPathEventIds.NoRoute));
    }

    [Fact]
    public async Task No_consuming_wallet_when_decentralized_gives_402_and_alert_0x50()
    {
        var (count, route) = TestMesh.Straight(1, false);
        await using var mesh = await TestMesh.StartAsync(count, [route], consumingWallet: false);
        int port = mesh.Originator.Spec.ProxyPort;

        string page = await RawBrowser.ExchangeAsync(port, $"GET {fixture.HttpUrl("/hello")} HTTP/1.1\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 402 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains("Can&#39;t consume without wallet to pay from", page, StringComparison.Ordinal);

        await using var tls = await RawBrowser.ConnectAsync(port);
        await tls.SendAsync($"CONNECT {DataPathFixture.SecureHost}:443 HTTP/1.1\r\n\r\n");
        await tls.ReadExactlyAsync(19);
        await tls.SendAsync(AnyHandshakeRecord);
        Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50 }, await tls.ReadToEndAsync());
        Assert.Equal(2, mesh.Originator.Logs.Count(DataPathEventIds.NoConsumingWallet));
    }

    [Fact]
    public async Task A_dns_failure_at_every_exit_gives_503_after_three_retries_through_other_exits()
    {
        // Four exits, each reached by its own one-hop route; none can resolve the host.
        await using var mesh = await TestMesh.StartAsync(
            5,
            [.. Enumerable.Range(1, 4).Select(x => (new[] { 0, x }, new[] { x, 0 }))],
            (i, spec) => spec with { DnsServers = [DataPathFixture.EmptyDnsAddress] });
        string page = await RawBrowser.ExchangeAsync(mesh.Originator.Spec.ProxyPort, $"GET http://{DataPathFixture.MissingHost}/ HTTP/1.1\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 503 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains($"Exit Nodes couldn&#39;t resolve &quot;{DataPathFixture.MissingHost}&quot;", page, StringComparison.Ordinal);
        Assert.Contains("4 different exit Nodes", page, StringComparison.Ordinal);
        Assert.Equal(3, mesh.Originator.Logs.Count(DataPathEventIds.DnsFailureRetrying));
        Assert.Equal(1, mesh.Originator.Logs.Count(DataPathEventIds.DnsFailureFinal));
        for (int exit = 1; exit <= 4; exit++)
        {
            Assert.Equal(1, mesh.Nodes[exit].Logs.Count(DataPathEventIds.ExitDnsFailed));
        }
    }

    [Fact]
    public async Task A_dns_failure_at_the_first_exit_is_retried_through_another_that_succeeds()
    {
        await using var mesh = await TestMesh.StartAsync(
            3,
            [([0, 1], [1, 0]), ([0, 2], [2, 0])],
            (i, spec) => spec with { DnsServers = [i == 1 ? DataPathFixture.EmptyDnsAddress : DataPathFixture.GoodDnsAddress] });
        using var client = fixture.ClientThrough(mesh.Originator.ProxyUri);
        byte[] body = await client.GetByteArrayAsync(fixture.HttpUrl("/blob/300000/41"));
        Assert.Equal(Blob.Sha256(300_000, 41), Convert.ToHexStringLower(SHA256.HashData(body)));
        Assert.Equal(1, mesh.Originator.Logs.Count(DataPathEventIds.DnsFailureRetrying));

        // The failed exit is avoided for that host from now on.
        body = await client.GetByteArrayAsync(fixture.HttpUrl("/blob/1000/42"));
        Assert.Equal(1000, body.Length);
        Assert.Equal(1, mesh.Nodes[1].Logs.Count(DataPathEventIds.ExitDnsFailed));
    }

    [Fact]
    public async Task Zero_hop_dns_failure_is_answered_at_once_with_503_or_alert_0x70()
    {
        await using var node = await ZeroHopNodeAsync();
        string page = await RawBrowser.ExchangeAsync(node.Spec.ProxyPort, $"GET http://{DataPathFixture.MissingHost}/ HTTP/1.1\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 503 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains("The exit Node tried", page, StringComparison.Ordinal);

        await using var tls = await RawBrowser.ConnectAsync(node.Spec.ProxyPort);
        await tls.SendAsync($"CONNECT {DataPathFixture.MissingHost}:443 HTTP/1.1\r\n\r\n");
        await tls.ReadExactlyAsync(19);
        await tls.SendAsync(AnyHandshakeRecord);
        Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x70 }, await tls.ReadToEndAsync());
    }

    [Fact]
    public async Task Bad_browser_requests_get_their_answer_once_and_the_Node_serves_on()
    {
        await using var node = await ZeroHopNodeAsync();
        int port = node.Spec.ProxyPort;

        Assert.StartsWith("HTTP/1.1 403 Routing Error\r\n", await RawBrowser.ExchangeAsync(port, $"CONNECT {DataPathFixture.SecureHost}:8443 HTTP/1.1\r\n\r\n"), StringComparison.Ordinal);
        Assert.Equal(1, node.Logs.Count(DataPathEventIds.BrowserConnectRefused));

        string noHost = await RawBrowser.ExchangeAsync(port, "GET /index.html HTTP/1.1\r\nAccept: */*\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400 Routing Error\r\n", noHost, StringComparison.Ordinal);
        Assert.Contains("No host in the request", noHost, StringComparison.Ordinal);
        Assert.Equal(1, node.Logs.Count(DataPathEventIds.BrowserNoHost));

        await using (var huge = await RawBrowser.ConnectAsync(port))
        {
            await huge.SendAsync($"GET {fixture.HttpUrl("/hello")} HTTP/1.1\r\nX-Huge: ");
            var line = new byte[1024 * 1024];
            Array.Fill(line, (byte)'a');
            string answer = string.Empty;
            try
            {
                for (int i = 0; i < 10; i++)
                {
                    await huge.SendAsync(line);
                }
            }
            catch (IOException)
            {
                // The Node may close before the whole 10 MB are sent.
            }

            answer = System.Text.Encoding.ASCII.GetString(await huge.ReadToEndAsync());
            Assert.StartsWith("HTTP/1.1 431 Routing Error\r\n", answer, StringComparison.Ordinal);
        }

        Assert.Equal(1, node.Logs.Count(DataPathEventIds.BrowserHeadTooLarge));

        using var client = fixture.ClientThrough(node.ProxyUri);
        Assert.Contains("hello through MASQ", await client.GetStringAsync(fixture.HttpUrl("/hello")), StringComparison.Ordinal);
    }

    private static async Task<MeshNode> ZeroHopNodeAsync(PrivilegedBrowserSockets? transparent = null) =>
        await MeshNode.StartAsync(new MeshNodeSpec(IPAddress.Loopback, 0, FreePorts.On(IPAddress.Loopback), CryptDeReal.Generate(Masq.Lib.Blockchains.Chain.BaseSepolia.ContractAddress.Bytes))
        {
            Mode = NeighborhoodMode.ZeroHop,
            DnsServers = [DataPathFixture.GoodDnsAddress],
            TransparentSockets = transparent,
        });
}
