using System.Net;
using System.Text;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// Failures between the exit and the server: each one reaches the browser as a counterfeit page (HTTP),
/// a TLS alert (TLS), or, after part of the answer, a reset of the browser connection; against real servers that
/// refuse, stall and reset. The multi-hop cases show the failure travelling from the exit back to the originator.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class ServerFailureTests
{
    private static readonly byte[] AnyHandshakeRecord = [0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00];

    /// <summary>Nothing listens here (an address of its own, so no other test's server can be on port 443).</summary>
    private static readonly IPAddress Nowhere = IPAddress.Parse("127.0.93.1");

    [Fact]
    public async Task A_refused_connection_gives_a_502_page_naming_the_server()
    {
        await using var node = await ZeroHopNodeAsync();
        int closed = FreePorts.On(Nowhere);

        string page = await RawBrowser.ExchangeAsync(node.Spec.ProxyPort, $"GET http://{Nowhere}:{closed}/ HTTP/1.1\r\nHost: {Nowhere}:{closed}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 502 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Title: Connection Refused</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"{Nowhere}:{closed} refused the connection", page, StringComparison.Ordinal);
        Assert.Contains($"nothing there accepts connections on port {closed}", page, StringComparison.Ordinal);
        Assert.Equal(1, node.Logs.Count(DataPathEventIds.ServerFailureFinal));
    }

    [Fact]
    public async Task A_refused_connection_through_a_tunnel_gives_alert_internal_error()
    {
        await using var node = await ZeroHopNodeAsync();
        await using var tls = await RawBrowser.ConnectAsync(node.Spec.ProxyPort);

        await tls.SendAsync($"CONNECT {Nowhere}:443 HTTP/1.1\r\nHost: {Nowhere}:443\r\n\r\n");
        Assert.Equal("HTTP/1.1 200 OK\r\n\r\n"u8.ToArray(), await tls.ReadExactlyAsync(19));
        await tls.SendAsync(AnyHandshakeRecord);

        // A TLS alert record: content type 21, TLS 1.2, length 2, level fatal (2), internal_error (80).
        Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50 }, await tls.ReadToEndAsync());
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_gives_a_504_page_after_the_response_timeout()
    {
        await using var node = await ZeroHopNodeAsync(o => o with { ServerResponseTimeout = TimeSpan.FromSeconds(1) });
        await using var server = FailingServer.StartStalling(Nowhere);

        string page = await RawBrowser.ExchangeAsync(node.Spec.ProxyPort, $"GET http://{Nowhere}:{server.Port}/slow HTTP/1.1\r\nHost: {Nowhere}:{server.Port}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 504 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Title: Server Not Responding</h2>", page, StringComparison.Ordinal);
        Assert.Contains("accepted the connection but sent no answer", page, StringComparison.Ordinal);
        Assert.Contains("GET /slow HTTP/1.1", Assert.Single(server.Requests), StringComparison.Ordinal);
        Assert.Equal(1, node.Logs.Count(DataPathEventIds.ExitServerSilent));
    }

    [Fact]
    public async Task A_reset_before_any_answer_gives_a_502_page()
    {
        await using var node = await ZeroHopNodeAsync();
        await using var server = FailingServer.StartResetting(Nowhere, partialAnswer: null);

        string page = await RawBrowser.ExchangeAsync(node.Spec.ProxyPort, $"GET http://{Nowhere}:{server.Port}/ HTTP/1.1\r\nHost: {Nowhere}:{server.Port}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 502 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Title: Connection Reset</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"{Nowhere}:{server.Port} reset the connection", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_mid_answer_resets_the_browser_connection_after_the_bytes_already_sent()
    {
        await using var node = await ZeroHopNodeAsync();
        await using var server = FailingServer.StartResetting(Nowhere, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nfirst half of the ");
        await using var browser = await RawBrowser.ConnectAsync(node.Spec.ProxyPort);

        await browser.SendAsync($"GET http://{Nowhere}:{server.Port}/ HTTP/1.1\r\nHost: {Nowhere}:{server.Port}\r\n\r\n");
        string first = await browser.ReadUntilAsync("first half of the ");
        server.ResetNow();
        var (rest, reset) = await browser.ReadToCloseAsync();

        // No page after the partial answer, and no FIN that would make a close-delimited body look complete.
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", first, StringComparison.Ordinal);
        Assert.Empty(rest);
        Assert.True(reset, "the browser connection should end with a reset; " + string.Join(" | ", node.Logs.Entries.Select(e => e.ToString())));
        Assert.Equal(1, node.Logs.Count(DataPathEventIds.ServerFailedMidStream));
    }

    [Fact]
    public async Task A_connect_to_another_port_than_443_gets_a_page_that_says_why()
    {
        await using var node = await ZeroHopNodeAsync();

        string page = await RawBrowser.ExchangeAsync(node.Spec.ProxyPort, $"CONNECT {DataPathFixture.SecureHost}:8443 HTTP/1.1\r\nHost: {DataPathFixture.SecureHost}:8443\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 403 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains($"does not tunnel to port 8443 of {DataPathFixture.SecureHost}", page, StringComparison.Ordinal);
        Assert.Contains("only to port 443 (HTTPS)", page, StringComparison.Ordinal);
        int length = int.Parse(page.Split("Content-Length: ")[1].Split("\r\n")[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(length, Encoding.UTF8.GetByteCount(page[(page.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]));
    }

    [Fact]
    public async Task A_loopback_target_is_refused_with_a_page_that_blames_the_policy_and_says_how_to_allow_it()
    {
        await using var node = await ZeroHopNodeAsync(o => o with { AllowLoopbackTargets = false });

        string page = await RawBrowser.ExchangeAsync(node.Spec.ProxyPort, "GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 403 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Title: Local Address Refused</h2>", page, StringComparison.Ordinal);
        Assert.Contains("The request itself was fine", page, StringComparison.Ordinal);
        Assert.Contains("--allow-loopback-targets on", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read this request", page, StringComparison.Ordinal);

        // A CONNECT is still answered in HTTP: the browser is waiting for the CONNECT's answer, not for TLS.
        string tunnel = await RawBrowser.ExchangeAsync(node.Spec.ProxyPort, "CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 403 Routing Error\r\n", tunnel, StringComparison.Ordinal);
        Assert.Contains("Your MASQ Node does not connect to localhost", tunnel, StringComparison.Ordinal);
        Assert.Equal(2, node.Logs.Count(DataPathEventIds.LoopbackTargetRefused));
    }

    [Fact]
    public async Task Multi_hop_a_refused_connection_travels_from_the_exit_to_the_originator_as_a_page_and_an_alert()
    {
        var (count, route) = TestMesh.Straight(2, false);
        await using var mesh = await TestMesh.StartAsync(count, [route]);
        int closed = FreePorts.On(Nowhere);
        var exit = mesh.Nodes[2];

        string page = await RawBrowser.ExchangeAsync(mesh.Originator.Spec.ProxyPort, $"GET http://{Nowhere}:{closed}/ HTTP/1.1\r\nHost: {Nowhere}:{closed}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 502 Routing Error\r\n", page, StringComparison.Ordinal);
        Assert.Contains($"{Nowhere}:{closed} refused the connection", page, StringComparison.Ordinal);

        await using (var tls = await RawBrowser.ConnectAsync(mesh.Originator.Spec.ProxyPort))
        {
            await tls.SendAsync($"CONNECT {Nowhere}:443 HTTP/1.1\r\n\r\n");
            await tls.ReadExactlyAsync(19);
            await tls.SendAsync(AnyHandshakeRecord);
            Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50 }, await tls.ReadToEndAsync());
        }

        // The exit saw the refusals; the originator, which never connected anywhere, wrote the answers.
        Assert.Equal(2, exit.Logs.Count(DataPathEventIds.ExitConnectFailed));
        Assert.Equal(2, mesh.Originator.Logs.Count(DataPathEventIds.ServerFailureFinal));
        Assert.Equal(0, mesh.Originator.Logs.Count(DataPathEventIds.ExitConnectFailed));
    }

    [Fact]
    public async Task Multi_hop_a_reset_mid_answer_resets_the_browser_connection_at_the_originator()
    {
        var (count, route) = TestMesh.Straight(2, false);
        await using var mesh = await TestMesh.StartAsync(count, [route]);
        await using var server = FailingServer.StartResetting(Nowhere, "HTTP/1.1 200 OK\r\n\r\npartial");
        await using var browser = await RawBrowser.ConnectAsync(mesh.Originator.Spec.ProxyPort);

        await browser.SendAsync($"GET http://{Nowhere}:{server.Port}/ HTTP/1.1\r\nHost: {Nowhere}:{server.Port}\r\n\r\n");
        await browser.ReadUntilAsync("partial");
        server.ResetNow();
        var (rest, reset) = await browser.ReadToCloseAsync();

        Assert.Empty(rest);
        Assert.True(reset, "the browser connection should end with a reset");
        Assert.Equal(1, mesh.Originator.Logs.Count(DataPathEventIds.ServerFailedMidStream));
    }

    private static Task<MeshNode> ZeroHopNodeAsync(Func<DataPathOptions, DataPathOptions>? options = null) =>
        MeshNode.StartAsync(new MeshNodeSpec(IPAddress.Loopback, 0, FreePorts.On(IPAddress.Loopback), CryptDeReal.Generate(Masq.Lib.Blockchains.Chain.BaseSepolia.ContractAddress.Bytes))
        {
            Mode = NeighborhoodMode.ZeroHop,
            DnsServers = [DataPathFixture.GoodDnsAddress],
            Options = (options ?? (o => o))(new DataPathOptions { AllowLoopbackTargets = true }),
        });
}
