using System.Net;
using System.Net.Sockets;
using System.Text;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath;

/// <summary>The stream lifecycles of data-path.md §5, without the reference's lag on a server's close.</summary>
[Collection(DataPathCollection.Name)]
public sealed class StreamLifecycleTests(DataPathFixture fixture)
{
    private static readonly IPAddress ServerAddress = IPAddress.Parse("127.0.0.201");

    [Fact]
    public async Task A_server_close_reaches_the_browser_at_once_through_three_hops()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with { DnsServers = [DataPathFixture.GoodDnsAddress] });
        await using var browser = await RawBrowser.ConnectAsync(mesh.Originator.Spec.ProxyPort);

        // HTTP/1.0 without keep-alive: the server answers and closes; nothing else will come from the browser.
        await browser.SendAsync($"GET {fixture.HttpUrl("/hello")} HTTP/1.0\r\n\r\n");
        string response = Encoding.UTF8.GetString(await browser.ReadToEndAsync());
        Assert.StartsWith("HTTP/1.1 200 OK", response, StringComparison.Ordinal);
        Assert.EndsWith("hello through MASQ</body></html>", response, StringComparison.Ordinal);
        await MultiHopTests.WaitUntilAsync(() => mesh.Originator.ProxyServer.StreamCount == 0 && mesh.Nodes[3].ProxyClient.StreamCount == 0);
        // The server's close ended the stream, not the idle sweep (five minutes away): ReadToEndAsync gives up after
        // 20 s, so "at once" needs no clock here.
        Assert.All(mesh.Nodes, n => Assert.Equal(0, n.Logs.Count(DataPathEventIds.StreamExpired) + n.Logs.Count(DataPathEventIds.ExitStreamExpired)));
    }

    [Fact]
    public async Task A_browser_that_closes_its_side_makes_the_exit_close_the_server_side_and_still_gets_the_answer()
    {
        await using var node = await ZeroHopNodeAsync(new DataPathOptions { AllowLoopbackTargets = true });
        using var server = new TcpListener(ServerAddress, 0);
        server.Start();
        int port = ((IPEndPoint)server.LocalEndpoint).Port;

        using var browser = new TcpClient();
        await browser.ConnectAsync(IPAddress.Loopback, node.Spec.ProxyPort);
        var toNode = browser.GetStream();
        await toNode.WriteAsync(Encoding.ASCII.GetBytes($"GET http://{ServerAddress}:{port}/ HTTP/1.1\r\n\r\n"));
        using var accepted = await server.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var atServer = accepted.GetStream();
        string request = await ReadUntilAsync(atServer, "\r\n\r\n");
        Assert.StartsWith("GET / HTTP/1.1\r\nHost: 127.0.0.201:", request, StringComparison.Ordinal);

        browser.Client.Shutdown(SocketShutdown.Send);
        byte[] one = new byte[1];
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(0, await atServer.ReadAsync(one, timeout.Token));
        }

        await atServer.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"u8.ToArray());
        accepted.Client.Shutdown(SocketShutdown.Send);
        Assert.EndsWith("hello", await ReadUntilAsync(toNode, "hello"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_whose_server_never_answers_ends_when_it_has_been_idle_too_long()
    {
        await using var node = await ZeroHopNodeAsync(new DataPathOptions
        {
            AllowLoopbackTargets = true,
            StreamIdleTimeout = TimeSpan.FromSeconds(2),
            HousekeepingInterval = TimeSpan.FromMilliseconds(200),
        });
        using var server = new TcpListener(ServerAddress, 0);
        server.Start();
        int port = ((IPEndPoint)server.LocalEndpoint).Port;

        await using var browser = await RawBrowser.ConnectAsync(node.Spec.ProxyPort);
        await browser.SendAsync($"GET http://{ServerAddress}:{port}/silent HTTP/1.1\r\n\r\n");
        using var accepted = await server.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(await browser.ReadToEndAsync());
        await MultiHopTests.WaitUntilAsync(() => node.ProxyServer.StreamCount == 0 && node.ProxyClient.StreamCount == 0);
        // Both ends keep the same idle limit; whichever sweeps first ends the stream (the other then sees it closed).
        // The expiry, not the clock, shows the stream ended for being idle.
        Assert.True(node.Logs.Count(DataPathEventIds.StreamExpired) + node.Logs.Count(DataPathEventIds.ExitStreamExpired) >= 1);

        // The exit closed its server connection too.
        byte[] sink = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stream = accepted.GetStream();
        int read;
        while ((read = await stream.ReadAsync(sink, timeout.Token)) > 0)
        {
        }

        Assert.Equal(0, read);
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, string end)
    {
        var text = new StringBuilder();
        byte[] buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!text.ToString().Contains(end, StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"closed before '{end}': {text}");
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private static Task<MeshNode> ZeroHopNodeAsync(DataPathOptions options) =>
        MeshNode.StartAsync(new MeshNodeSpec(IPAddress.Loopback, 0, FreePorts.On(IPAddress.Loopback), CryptDeReal.Generate(Masq.Lib.Blockchains.Chain.BaseSepolia.ContractAddress.Bytes))
        {
            Mode = NeighborhoodMode.ZeroHop,
            DnsServers = [DataPathFixture.GoodDnsAddress],
            Options = options,
        });
}
