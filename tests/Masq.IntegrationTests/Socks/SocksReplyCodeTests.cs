using System.Net;
using System.Net.Sockets;
using Masq.Node.DataPath;
using Masq.IntegrationTests.DataPath;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Networking;

namespace Masq.IntegrationTests.Socks;

/// <summary>
/// Every SOCKS5 reply code from a real scenario (the README's table): protocol refusals from the listener, failures the
/// exit reports through a 3-hop route, and the originator's own (no route, no wallet, a silent exit). Each refusal closes
/// the connection; bad input is logged once per interval; the Node keeps serving.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class SocksReplyCodeTests(DataPathFixture fixture)
{
    [Fact]
    public async Task Methods_commands_and_address_types_the_proxy_does_not_support_get_their_replies()
    {
        await using var node = await ZeroHopNodeAsync(new DataPathOptions { AllowLoopbackTargets = true });
        int port = node.Spec.SocksPort;

        // Only "no authentication" (0x00): a greeting without it, or with no methods at all, gets 0xFF and a close.
        foreach (byte[] greeting in new[] { new byte[] { 5, 1, 2 }, [5, 0] })
        {
            await using var client = await RawBrowser.ConnectAsync(port);
            await client.SendAsync(greeting);
            Assert.Equal(new byte[] { 5, 0xFF }, await client.ReadToEndAsync());
        }

        Assert.Equal(0x07, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect(IPAddress.Any, 0, command: 2)));
        Assert.Equal(0x07, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect(IPAddress.Any, 0, command: 3)));
        Assert.Equal(0x08, await Socks5Wire.RefusalAsync(port, [5, 1, 0, 9, 1, 2, 3, 4, 0, 80]));
        Assert.Equal(0x01, await Socks5Wire.RefusalAsync(port, [5, 1, 0, 3, 0, 0, 80]));

        // SOCKS4 (or anything not version 5) gets no reply it could not read: the connection closes.
        await using (var socks4 = await RawBrowser.ConnectAsync(port))
        {
            await socks4.SendAsync([4, 1, 0, 80, 127, 0, 0, 200, 0]);
            Assert.Empty(await socks4.ReadToEndAsync());
        }

        await AssertServesAsync(port);
    }

    [Fact]
    public async Task Loopback_targets_are_refused_by_ruleset_at_the_originator_and_at_the_exit()
    {
        await using var node = await ZeroHopNodeAsync(new DataPathOptions { AllowLoopbackTargets = false });
        int port = node.Spec.SocksPort;

        Assert.Equal(0x02, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect(IPAddress.Loopback, 80)));
        Assert.Equal(0x02, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect(IPAddress.IPv6Loopback, 80)));
        Assert.Equal(0x02, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect("localhost", 80)));

        // A name passes the originator; the exit drops the loopback addresses it resolves to, so it has none to use.
        Assert.Equal(0x04, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect(DataPathFixture.FilesHost, fixture.HttpPort)));
    }

    [Fact]
    public async Task Refused_port_and_unresolvable_name_at_the_exit_come_back_through_three_hops()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: false);
        await using var mesh = await TestMesh.StartAsync(count, [route], SocksThroughTheMeshTests.WithSocks(DataPathFixture.EmptyDnsAddress));
        int port = mesh.Originator.Spec.SocksPort;
        int closed = FreePorts.On(DataPathFixture.DestinationAddress);

        Assert.Equal(0x05, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect(DataPathFixture.DestinationAddress, closed)));
        Assert.Equal(0x04, await Socks5Wire.RefusalAsync(port, Socks5Wire.Connect(DataPathFixture.MissingHost, 80)));
        Assert.Equal(1, mesh.Nodes[3].Logs.Count(DataPathEventIds.ExitConnectFailed));
        Assert.True(mesh.Nodes[3].Logs.Count(DataPathEventIds.ExitDnsFailed) >= 1);

        await AssertServesAsync(port, DataPathFixture.DestinationAddress.ToString());
    }

    [Fact]
    public async Task No_route_is_network_unreachable_and_no_wallet_is_not_allowed()
    {
        await using (var alone = await TestMesh.StartAsync(1, [], (_, spec) => spec with { SocksPort = FreePorts.On(IPAddress.Loopback) }))
        {
            Assert.Equal(0x03, await Socks5Wire.RefusalAsync(alone.Originator.Spec.SocksPort, Socks5Wire.Connect(DataPathFixture.FilesHost, 80)));
            Assert.Equal(1, alone.Originator.Logs.Count(DataPathEventIds.NoRoute));
        }

        var (count, route) = TestMesh.Straight(1, false);
        await using var unpaid = await TestMesh.StartAsync(count, [route], SocksThroughTheMeshTests.WithSocks(DataPathFixture.GoodDnsAddress), consumingWallet: false);
        Assert.Equal(0x02, await Socks5Wire.RefusalAsync(unpaid.Originator.Spec.SocksPort, Socks5Wire.Connect(DataPathFixture.FilesHost, 80)));
        Assert.Equal(1, unpaid.Originator.Logs.Count(DataPathEventIds.NoConsumingWallet));
    }

    [Fact]
    public async Task A_connect_over_a_dead_route_is_network_unreachable_at_the_probe_deadline_not_the_connect_deadline()
    {
        // As below, with the connect deadline as shipped (20 s): while the exit has not connected, the originator probes
        // the route like any other stream, and nothing answers (the middle relay is gone), so the client hears within
        // ProbeAfter + FirstAnswerTimeout (about 5 s) that the network is unreachable.
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: false);
        await using var mesh = await TestMesh.StartAsync(count, [route], SocksThroughTheMeshTests.WithSocks(DataPathFixture.GoodDnsAddress));
        await mesh.Nodes[2].DisposeAsync();

        Assert.Equal(0x03, await Socks5Wire.RefusalAsync(mesh.Originator.Spec.SocksPort, Socks5Wire.Connect(DataPathFixture.FilesHost, fixture.HttpPort)));
        Assert.Contains(mesh.Originator.Logs.Entries, e => e.EventId == DataPathEventIds.RouteDead && e.Message.Contains("did not answer a probe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connect_whose_exit_takes_seconds_to_resolve_is_not_taken_for_a_dead_route()
    {
        // The exit's DNS servers take the query and never answer (2 s each, three of them): it is seconds before the exit
        // knows the name fails. Meanwhile the originator probes the route, and the exit, not connected yet, answers each
        // probe with a credit update (an empty response would say "connected"). So the client hears the DNS failure
        // (host unreachable), not a dead route (network unreachable) and not a false "connected".
        var silent = Enumerable.Range(155, 3).Select(i => new UdpClient(new IPEndPoint(IPAddress.Parse($"127.0.0.{i}"), 53))).ToList();
        try
        {
            var (count, route) = TestMesh.Straight(3, distinctBackRelays: false);
            await using var mesh = await TestMesh.StartAsync(
                count,
                [route],
                (i, spec) => i == 0
                    ? spec with { SocksPort = FreePorts.On(IPAddress.Loopback), Options = spec.Options with { DnsRetries = 0 } }
                    : spec with { DnsServers = [.. silent.Select(s => ((IPEndPoint)s.Client.LocalEndPoint!).Address)] });

            Assert.Equal(0x04, await Socks5Wire.RefusalAsync(mesh.Originator.Spec.SocksPort, Socks5Wire.Connect(DataPathFixture.FilesHost, fixture.HttpPort)));
            Assert.DoesNotContain(mesh.Originator.Logs.Entries, e => e.EventId == DataPathEventIds.RouteDead);
        }
        finally
        {
            silent.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task An_exit_that_never_reports_the_connection_is_ttl_expired()
    {
        // The middle relay is gone: the CONNECT goes out over a live first link and nothing ever comes back.
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: false);
        await using var mesh = await TestMesh.StartAsync(
            count,
            [route],
            SocksThroughTheMeshTests.WithSocks(DataPathFixture.GoodDnsAddress, s => s with { Options = s.Options with { ConnectAnswerTimeout = TimeSpan.FromSeconds(2) } }));
        await mesh.Nodes[2].DisposeAsync();

        Assert.Equal(0x06, await Socks5Wire.RefusalAsync(mesh.Originator.Spec.SocksPort, Socks5Wire.Connect(DataPathFixture.FilesHost, fixture.HttpPort)));
        Assert.Contains(mesh.Originator.Logs.Entries, e => e.EventId == DataPathEventIds.RouteDead && e.Message.Contains("did not report the connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stalled_handshakes_short_domains_and_floods_are_dropped_with_one_log_line()
    {
        await using var node = await ZeroHopNodeAsync(new DataPathOptions
        {
            AllowLoopbackTargets = true,
            SocksHandshakeTimeout = TimeSpan.FromSeconds(1),
            MaxSocksHandshakes = 16,
        });
        int port = node.Spec.SocksPort;

        // Mid-greeting, and a domain length past the data: both closed at the handshake timeout, with nothing said.
        await using (var stalled = await RawBrowser.ConnectAsync(port))
        {
            await stalled.SendAsync([5]);
            Assert.Empty(await stalled.ReadToEndAsync());
        }

        await using (var shortDomain = await RawBrowser.ConnectAsync(port))
        {
            await shortDomain.SendAsync([5, 1, 0]);
            Assert.Equal(new byte[] { 5, 0 }, await shortDomain.ReadExactlyAsync(2));
            await shortDomain.SendAsync([5, 1, 0, 3, 200, (byte)'a', (byte)'b']);
            Assert.Empty(await shortDomain.ReadToEndAsync());
        }

        // A flood: 40 idle connections (more than may be in their handshake) and 200 that speak no SOCKS5.
        var idle = new List<RawBrowser>();
        for (int i = 0; i < 40; i++)
        {
            idle.Add(await RawBrowser.ConnectAsync(port));
        }

        var garbage = Enumerable.Range(0, 200).Select(async _ =>
        {
            await using var client = await RawBrowser.ConnectAsync(port);
            await client.SendAsync("GET / HTTP/1.1\r\n\r\n");
            return await client.ReadToEndAsync();
        });
        Assert.All(await Task.WhenAll(garbage), Assert.Empty);
        Assert.All(await Task.WhenAll(idle.Select(c => c.ReadToEndAsync())), Assert.Empty);
        foreach (var client in idle)
        {
            await client.DisposeAsync();
        }

        // One line for all of it in this interval (the rest are counted into the next summary), and the Node serves on.
        Assert.Equal(1, node.Logs.Count(DataPathEventIds.SocksRefused) + node.Logs.Count(DataPathEventIds.SocksTooManyHandshakes));
        await AssertServesAsync(port);
    }

    private async Task AssertServesAsync(int socksPort, string host = DataPathFixture.FilesHost)
    {
        byte[] request = IPAddress.TryParse(host, out var address) ? Socks5Wire.Connect(address, fixture.HttpPort) : Socks5Wire.Connect(host, fixture.HttpPort);
        var (code, connection) = await Socks5Wire.RequestAsync(socksPort, request);
        await using (connection)
        {
            Assert.Equal(0x00, code);
            await connection.SendAsync($"GET /hello HTTP/1.1\r\nHost: {DataPathFixture.FilesHost}\r\nConnection: close\r\n\r\n");
            Assert.EndsWith("hello through MASQ</body></html>", System.Text.Encoding.ASCII.GetString(await connection.ReadToEndAsync()), StringComparison.Ordinal);
        }
    }

    private static Task<MeshNode> ZeroHopNodeAsync(DataPathOptions options) =>
        MeshNode.StartAsync(new MeshNodeSpec(IPAddress.Loopback, 0, FreePorts.On(IPAddress.Loopback), CryptDeReal.Generate(Masq.Lib.Blockchains.Chain.BaseSepolia.ContractAddress.Bytes))
        {
            Mode = NeighborhoodMode.ZeroHop,
            SocksPort = FreePorts.On(IPAddress.Loopback),
            DnsServers = [DataPathFixture.GoodDnsAddress],
            Options = options,
        });
}
