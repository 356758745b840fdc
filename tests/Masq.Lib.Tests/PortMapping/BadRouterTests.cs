using System.Buffers.Binary;
using System.Net;
using System.Text;
using Masq.Lib.PortMapping;

namespace Masq.Lib.Tests.PortMapping;

/// <summary>
/// Routers that answer garbage, late, with a refusal or a useless lease, or with hostile XML, over real sockets on
/// loopback: each ends in one <see cref="PortMappingException"/> that says what the router did, within the bounded wait.
/// </summary>
public sealed class BadRouterTests
{
    private static readonly IPAddress PublicAddress = IPAddress.Parse("203.0.113.7");

    private static readonly TimeSpan NoRetransmission = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Short waits, so that the tests of retries and silence end quickly. Tests that count requests to a router that
    /// answers at once pass <see cref="NoRetransmission"/>: on a loaded machine a 50 ms wait can pass before the answer
    /// arrives, and the retransmission would be counted.
    /// </summary>
    private static PortMappingOptions Options(IPEndPoint router, TimeSpan? retransmission = null) => new()
    {
        Gateway = router.Address,
        LocalAddress = IPAddress.Loopback,
        PcpPmpPort = router.Port,
        InitialRetransmission = retransmission ?? TimeSpan.FromMilliseconds(50),
        Attempts = 3,
    };

    [Fact]
    public async Task Nat_pmp_maps_when_the_router_answers_well()
    {
        await using var router = new FakeUdpRouter(request => [(TimeSpan.Zero, PmpAnswer(request, result: 0, lifetime: 600))]);

        var mapping = await new PmpMapper(Options(router.Endpoint)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal(PublicAddress, mapping.PublicAddress);
        Assert.Equal(18500, mapping.ExternalPort);
        Assert.Equal(TimeSpan.FromSeconds(600), mapping.Lifetime);
    }

    [Fact]
    public async Task Nat_pmp_garbage_is_skipped_and_reported_once_the_retries_are_spent()
    {
        await using var router = new FakeUdpRouter(_ => [(TimeSpan.Zero, Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n\r\n"))]);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PmpMapper(Options(router.Endpoint)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("answered nothing usable", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, router.Requests);
    }

    [Fact]
    public async Task Nat_pmp_answers_after_the_last_wait_count_as_no_answer()
    {
        await using var router = new FakeUdpRouter(request => [(TimeSpan.FromSeconds(5), PmpAnswer(request, result: 0, lifetime: 600))]);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PmpMapper(Options(router.Endpoint)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("no answer from the router", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nat_pmp_refusal_ends_the_exchange_with_its_result_code()
    {
        await using var router = new FakeUdpRouter(request => [(TimeSpan.Zero, PmpAnswer(request, result: 2, lifetime: 0))]);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PmpMapper(Options(router.Endpoint, NoRetransmission)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("2 (not authorized / refused)", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, router.Requests);
    }

    [Fact]
    public async Task Nat_pmp_short_lease_is_refused_as_useless()
    {
        await using var router = new FakeUdpRouter(request => [(TimeSpan.Zero, PmpAnswer(request, result: 0, lifetime: 4))]);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PmpMapper(Options(router.Endpoint)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("lease of only 4 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcp_maps_and_deletes_with_the_same_nonce()
    {
        var nonces = new List<string>();
        await using var router = new FakeUdpRouter(request =>
        {
            lock (nonces)
            {
                nonces.Add(Convert.ToHexString(request, 24, 12));
            }
            return [(TimeSpan.Zero, PcpAnswer(request, result: 0))];
        });
        var mapper = new PcpMapper(Options(router.Endpoint, NoRetransmission));

        var mapping = await mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None);
        await mapper.DeleteAsync(18500, CancellationToken.None);

        Assert.Equal(PublicAddress, mapping.PublicAddress);
        Assert.Equal(2, nonces.Count);
        Assert.Equal(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task Pcp_answers_to_another_nonce_are_not_believed()
    {
        await using var router = new FakeUdpRouter(request =>
        {
            var forged = (byte[])request.Clone();
            forged[24] ^= 0xff;
            return [(TimeSpan.Zero, PcpAnswer(forged, result: 0))];
        });

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PcpMapper(Options(router.Endpoint)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("for another request", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcp_refusal_names_the_result_code()
    {
        await using var router = new FakeUdpRouter(request => [(TimeSpan.Zero, PcpAnswer(request, result: 2))]);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PcpMapper(Options(router.Endpoint)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("2 NOT_AUTHORIZED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcp_to_a_nat_pmp_only_router_says_so()
    {
        // RFC 6886 §3.5: a NAT-PMP server answers an unknown version with its own version 0 and result 1.
        await using var router = new FakeUdpRouter(request => [(TimeSpan.Zero, [0, 0x81, 0, 1, 0, 0, 0, 0])]);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PcpMapper(Options(router.Endpoint)).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("speaks version 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_listening_is_a_refusal_at_once()
    {
        // Nothing on the port: the kernel's ICMP port-unreachable ends the exchange without waiting out the retries.
        IPEndPoint closed;
        await using (var router = new FakeUdpRouter(_ => []))
        {
            closed = router.Endpoint;
        }

        var e = await Assert.ThrowsAsync<PortMappingException>(() => new PmpMapper(Options(closed) with { Attempts = 9, InitialRetransmission = TimeSpan.FromSeconds(5) }).AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("refused", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_gateway_comes_from_the_routing_table()
    {
        string[] table =
        [
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "eth0\t0002000C\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            "eth1\t00000000\t0102000C\t0003\t0\t0\t200\t00000000\t0\t0\t0",
            "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0",
            "garbage line",
        ];

        Assert.Equal(IPAddress.Parse("192.0.2.1"), GatewayFinder.ParseDefaultGateway(table));
        Assert.Null(GatewayFinder.ParseDefaultGateway([table[0], table[1]]));
    }

    private static byte[] PmpAnswer(byte[] request, ushort result, uint lifetime)
    {
        if (request[1] == 0)
        {
            var answer = new byte[12];
            answer[1] = 128;
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(2), result);
            PublicAddress.TryWriteBytes(answer.AsSpan(8), out _);
            return answer;
        }
        var map = new byte[16];
        map[1] = 130;
        BinaryPrimitives.WriteUInt16BigEndian(map.AsSpan(2), result);
        request.AsSpan(4, 4).CopyTo(map.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(map.AsSpan(12), lifetime);
        return map;
    }

    private static byte[] PcpAnswer(byte[] request, byte result)
    {
        var answer = new byte[60];
        answer[0] = 2;
        answer[1] = 0x81;
        answer[3] = result;
        request.AsSpan(4, 4).CopyTo(answer.AsSpan(4));
        request.AsSpan(24, 36).CopyTo(answer.AsSpan(24));
        PublicAddress.MapToIPv6().TryWriteBytes(answer.AsSpan(44), out _);
        return answer;
    }
}
