using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Masq.Node.Tests.Crypto;

namespace Masq.Node.Tests.Protocol;

/// <summary>
/// data-path.md §2.1–2.3 with real libsodium keys: O → R1 → R2 → X, and X → R3 → R4 → O, each Node opening only
/// what was sealed for it.
/// </summary>
public sealed class RouteFlowTests : IDisposable
{
    private readonly CryptDeReal _o = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly ICryptDE _oAlias;
    private readonly CryptDeReal _r1 = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _r2 = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _x = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _r3 = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _r4 = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly PayerSigner _payer = ProtocolSamples.PayerSigner(TestChains.BaseSepolia);

    public RouteFlowTests()
    {
        _oAlias = _o.CreateAlias();
    }

    private ICryptDE[] AllNodes => [_o, _oAlias, _r1, _r2, _x, _r3, _r4];

    public void Dispose() => _payer.Dispose();

    [Fact]
    public void Round_trip_route_has_the_shape_of_the_spec_table()
    {
        var route = BuildRoute(42);

        Assert.Equal(8, route.Hops.Length);
        (ICryptDE Reader, PublicKey Next, Component Component)[] expected =
        [
            (_o, _r1.PublicKey, Component.Hopper),
            (_r1, _r2.PublicKey, Component.Hopper),
            (_r2, _x.PublicKey, Component.Hopper),
            (_x, _r3.PublicKey, Component.ProxyClient),
            (_r3, _r4.PublicKey, Component.Hopper),
            (_r4, _o.PublicKey, Component.Hopper),
            (_o, PublicKey.Empty, Component.ProxyServer),
        ];
        for (int i = 0; i < expected.Length; i++)
        {
            var hop = LiveHop.Open(expected[i].Reader, route.Hops[i].Span);
            Assert.Equal(expected[i].Next, hop.PublicKey);
            Assert.Equal(expected[i].Component, hop.Component);
            Assert.True(hop.PayerOwnsSecretKey(expected[i].Reader.Digest()), $"hop {i} payer");
            foreach (var other in AllNodes.Where(n => n != expected[i].Reader))
            {
                var error = Assert.Throws<CoresDecodeException>(() => LiveHop.Open(other, route.Hops[i].Span));
                Assert.Equal(CoresDecodeError.DecryptionFailed, error.Error);
            }
        }

        Assert.Equal(42u, new Route([route.Hops[7]]).ReadReturnRouteId(_o));
    }

    [Fact]
    public void Request_reaches_the_exit_and_the_response_returns_to_the_originator()
    {
        var route = BuildRoute(4_000_000_000);
        var request = new ClientRequestMessage(ProtocolSamples.Request(_oAlias.PublicKey, 16 * 1024));
        var incipient = IncipientCoresPackage.Create(_o, route, request, _x.PublicKey);

        // Originator: ConsumingService shifts its own hop, which names R1.
        var (package, next) = LiveCoresPackage.FromIncipient(incipient, _o);
        Assert.Equal(_r1.PublicKey, next);
        byte[] wire = package.Seal(_o, next);
        int wireLength = wire.Length;

        wire = Relay(wire, _r1, _r2, wireLength);
        wire = Relay(wire, _r2, _x, wireLength);

        // Exit: its hop says ProxyClient; the payload opens with its main key.
        AssertOnlyOpensFor(wire, _x);
        var atExit = LiveCoresPackage.Open(_x, wire);
        var exitHop = atExit.NextHop(_x);
        Assert.Equal(Component.ProxyClient, exitHop.Component);
        Assert.True(exitHop.PayerOwnsSecretKey(_x.Digest()));
        foreach (var relay in new[] { _r1, _r2, _r3, _r4 })
        {
            Assert.Equal(CoresDecodeError.DecryptionFailed, Assert.Throws<CoresDecodeException>(() => atExit.ToExpired(exitHop, null, relay)).Error);
        }

        var expired = atExit.ToExpired(exitHop, ProtocolSamples.Neighbor, _x);
        Assert.Equal(request, expired.Payload);
        Assert.Equal(_payer.Wallet, expired.PayingWallet);
        Assert.Equal(incipient.Payload.Length, expired.PayloadLength);
        Assert.Equal(ProtocolSamples.Neighbor, expired.ImmediateNeighbor);

        // Exit's ProxyClient answers on the remaining route, sealed for the originator's alias.
        var response = new ClientResponseMessage(ProtocolSamples.Response(16 * 1024));
        var answer = IncipientCoresPackage.Create(_x, expired.RemainingRoute, response, ((ClientRequestMessage)expired.Payload).Payload.OriginatorPublicKey);
        (package, next) = LiveCoresPackage.FromIncipient(answer, _x);
        Assert.Equal(_r3.PublicKey, next);
        wire = package.Seal(_x, next);
        int backLength = wire.Length;

        wire = Relay(wire, _r3, _r4, backLength);
        wire = Relay(wire, _r4, _o, backLength);

        // Originator: terminal hop for ProxyServer; payload opens with the alias only; the return-route ID follows.
        var atOrigin = LiveCoresPackage.Open(_o, wire);
        var terminal = atOrigin.NextHop(_o);
        Assert.True(terminal.IsTerminal);
        Assert.Equal(Component.ProxyServer, terminal.Component);
        Assert.Equal(CoresDecodeError.DecryptionFailed, Assert.Throws<CoresDecodeException>(() => atOrigin.ToExpired(terminal, null, _o)).Error);
        var delivered = atOrigin.ToExpired(terminal, ProtocolSamples.Neighbor, _oAlias);
        Assert.Equal(response, delivered.Payload);
        Assert.Equal(4_000_000_000u, delivered.RemainingRoute.ExtractReturnRouteId(_o));
    }

    [Fact]
    public void Zero_hop_route_loops_back_to_the_originator_and_is_detectable()
    {
        var o = new[] { _o.PublicKey, _o.PublicKey };
        var route = Route.RoundTrip(new RouteSegment(o, Component.ProxyClient), new RouteSegment(o, Component.ProxyServer), _o, payer: null, 7);
        var request = new ClientRequestMessage(ProtocolSamples.Request(_oAlias.PublicKey));

        var (package, next) = LiveCoresPackage.FromIncipient(IncipientCoresPackage.Create(_o, route, request, _o.PublicKey), _o);

        Assert.Equal(_o.PublicKey, next);
        var reinjected = LiveCoresPackage.Open(_o, package.Seal(_o, next));
        var hop = reinjected.NextHop(_o);
        Assert.Equal(Component.ProxyClient, hop.Component);
        Assert.True(hop.IsLoopbackFor(_o.PublicKey));
        Assert.Null(hop.Payer);
        Assert.False(hop.PayerOwnsSecretKey(_o.Digest()));
        var expired = reinjected.ToExpired(hop, null, _o);
        Assert.Equal(request, expired.Payload);
        Assert.Null(expired.PayingWallet);

        var response = new ClientResponseMessage(ProtocolSamples.Response());
        (package, next) = LiveCoresPackage.FromIncipient(IncipientCoresPackage.Create(_o, expired.RemainingRoute, response, _oAlias.PublicKey), _o);
        Assert.Equal(_o.PublicKey, next);
        var back = LiveCoresPackage.Open(_o, package.Seal(_o, next));
        var terminal = back.NextHop(_o);
        Assert.True(terminal.IsTerminal);
        Assert.Equal(response, back.ToExpired(terminal, null, _oAlias).Payload);
        Assert.Equal(7u, back.Route.ExtractReturnRouteId(_o));
    }

    [Fact]
    public void A_route_relayed_twice_by_the_same_node_is_detectable_at_that_node()
    {
        // [O, R1, R1, X]: R1's hop names R1 itself.
        var route = Route.OneWay(
            new RouteSegment([_o.PublicKey, _r1.PublicKey, _r1.PublicKey, _x.PublicKey], Component.ProxyClient), _o, _payer);
        var (_, afterOrigin) = route.Shift(_o);

        var (hop, afterFirst) = afterOrigin.Shift(_r1);
        Assert.True(hop.IsLoopbackFor(_r1.PublicKey));
        var (second, _) = afterFirst.Shift(_r1);
        Assert.Equal(_x.PublicKey, second.PublicKey);
        Assert.False(second.IsLoopbackFor(_r1.PublicKey));
    }

    [Fact]
    public void Shifting_keeps_the_route_length_and_pads_with_hop_sized_garbage()
    {
        var route = BuildRoute(1);
        var (_, shifted) = route.Shift(_o);

        Assert.Equal(route.Hops.Length, shifted.Hops.Length);
        Assert.Equal(route.Hops[0].Length, shifted.Hops[^1].Length);
        Assert.True(route.Hops[1].Span.SequenceEqual(shifted.Hops[0].Span));
        Assert.Throws<CoresDecodeException>(() => LiveHop.Open(_o, shifted.Hops[^1].Span));
    }

    [Fact]
    public void Null_crypto_garbage_is_all_fours_as_the_reference_has_it()
    {
        var (route, nodes) = ProtocolSamples.NullRoundTrip(payer: null);

        var (_, shifted) = route.Shift(nodes[0]);

        Assert.True(shifted.Hops[^1].Span.IndexOfAnyExcept(CryptDeNull.RandomByte) < 0);
    }

    [Fact]
    public void A_package_sealed_for_another_node_fails_with_the_typed_error()
    {
        var package = new LiveCoresPackage(BuildRoute(1), new byte[100]);
        var sealedForR1 = package.Seal(_o, _r1.PublicKey);

        AssertOnlyOpensFor(sealedForR1, _r1);
        Assert.Equal(package, LiveCoresPackage.Open(_r1, sealedForR1));
    }

    [Fact]
    public void A_relay_cannot_shift_a_hop_that_is_not_its_own()
    {
        var route = BuildRoute(1);

        var error = Assert.Throws<CoresDecodeException>(() => route.Shift(_r1));

        Assert.Equal(CoresDecodeError.DecryptionFailed, error.Error);
    }

    [Fact]
    public void Route_building_refuses_segments_that_do_not_join()
    {
        var over = new RouteSegment([_o.PublicKey, _r1.PublicKey, _x.PublicKey], Component.ProxyClient);

        Assert.Throws<ArgumentException>(() => Route.RoundTrip(over, new RouteSegment([_x.PublicKey, _r3.PublicKey], Component.ProxyServer), _o, null, 1));
        Assert.Throws<ArgumentException>(() => Route.RoundTrip(over, new RouteSegment([_r3.PublicKey, _o.PublicKey], Component.ProxyServer), _o, null, 1));
        Assert.Throws<ArgumentException>(() => Route.OneWay(new RouteSegment([_o.PublicKey], Component.Neighborhood), _o, null));
        Assert.Throws<ArgumentException>(() => Route.OneWay(new RouteSegment([_o.PublicKey, PublicKey.Empty], Component.Neighborhood), _o, null));
    }

    [Fact]
    public void One_way_route_ends_with_a_terminal_hop_for_the_recipient()
    {
        var route = Route.OneWay(new RouteSegment([_o.PublicKey, _r1.PublicKey], Component.Neighborhood), _o, null);

        Assert.Equal(2, route.Hops.Length);
        var (first, rest) = route.Shift(_o);
        Assert.Equal(_r1.PublicKey, first.PublicKey);
        var terminal = rest.NextHop(_r1);
        Assert.True(terminal.IsTerminal);
        Assert.Equal(Component.Neighborhood, terminal.Component);
    }

    private Route BuildRoute(uint returnRouteId) =>
        Route.RoundTrip(
            new RouteSegment([_o.PublicKey, _r1.PublicKey, _r2.PublicKey, _x.PublicKey], Component.ProxyClient),
            new RouteSegment([_x.PublicKey, _r3.PublicKey, _r4.PublicKey, _o.PublicKey], Component.ProxyServer),
            _o,
            _payer,
            returnRouteId);

    private byte[] Relay(byte[] wire, CryptDeReal relay, CryptDeReal expectedNext, int expectedLength)
    {
        AssertOnlyOpensFor(wire, relay);
        var received = LiveCoresPackage.Open(relay, wire);
        var (hop, forwarded) = received.ToNextLive(relay);
        Assert.Equal(Component.Hopper, hop.Component);
        Assert.Equal(expectedNext.PublicKey, hop.PublicKey);
        Assert.False(hop.IsLoopbackFor(relay.PublicKey));
        Assert.True(hop.PayerOwnsSecretKey(relay.Digest()));
        Assert.Equal(_payer.Wallet, hop.Payer!.Wallet);
        Assert.True(forwarded.Payload.Span.SequenceEqual(received.Payload.Span));
        byte[] next = forwarded.Seal(relay, hop.PublicKey);
        Assert.Equal(expectedLength, next.Length);
        return next;
    }

    private void AssertOnlyOpensFor(byte[] wire, ICryptDE intended)
    {
        foreach (var other in AllNodes.Where(n => n != intended))
        {
            var error = Assert.Throws<CoresDecodeException>(() => LiveCoresPackage.Open(other, wire));
            Assert.Equal(CoresDecodeError.DecryptionFailed, error.Error);
        }
    }
}
