using System.Net;
using Masq.Lib.Blockchains;
using WalletAddress = Masq.Lib.Blockchains.WalletAddress;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Hosting;
using Masq.Node.Protocol;
using Masq.Node.Routing;
using Masq.Node.Tests.Crypto;

namespace Masq.Node.Tests.Routing;

public sealed class RouteSourceTests
{
    private readonly CryptDeReal _o = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _r = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _x1 = CryptDeReal.Generate(TestChains.BaseSepolia);
    private readonly CryptDeReal _x2 = CryptDeReal.Generate(TestChains.BaseSepolia);

    [Fact]
    public async Task Zero_hop_answers_self_to_self_with_nothing_to_pay_and_no_sealed_route()
    {
        var identity = new NodeIdentity(_o, _o.CreateAlias(), null, new NodeDescriptor(Chain.BaseSepolia, _o.PublicKey.Span, null));
        var source = new ZeroHopRouteSource(identity);
        var first = await source.FindRoundTripAsync(new RouteQuery("a.example", 10), CancellationToken.None);
        var second = await source.FindRoundTripAsync(new RouteQuery(null, 10), CancellationToken.None);
        Assert.True(first!.IsZeroHop);
        Assert.Equal(_o.PublicKey, first.ExitKey);
        Assert.All(first.Over.Concat(first.Back), s => Assert.IsType<ExpectedNothing>(s));
        Assert.Equal(2, first.Over.Count);
        Assert.Null(first.Exit);
        Assert.Equal(first.ReturnRouteId + 1, second!.ReturnRouteId);
    }

    [Fact]
    public void A_planned_round_trip_lists_relays_and_the_exit_with_their_wallets_and_rates()
    {
        var directory = Directory(_r, _x1);
        var plan = RoundTripPlanner.Build(_o, null, [_o.PublicKey, _r.PublicKey, _x1.PublicKey], [_x1.PublicKey, _r.PublicKey, _o.PublicKey], k => directory.TryGet(k, out var n) ? n : null, 7);
        Assert.False(plan.IsZeroHop);
        Assert.Equal(_x1.PublicKey, plan.ExitKey);
        Assert.IsType<ExpectedNothing>(plan.Over[0]);
        Assert.Equal(_r.PublicKey, Assert.IsType<ExpectedRouting>(plan.Over[1]).Key);
        Assert.Equal(_x1.PublicKey, Assert.IsType<ExpectedExit>(plan.Over[2]).Key);
        Assert.IsType<ExpectedExit>(plan.Back[0]);
        Assert.IsType<ExpectedRouting>(plan.Back[1]);
        Assert.IsType<ExpectedNothing>(plan.Back[2]);
        Assert.Equal(new RatePack(2, 3, 4, 5), plan.Exit!.Rates);

        // The route opens hop by hop for the Nodes named, and ends with the ID for the originator.
        var hop = plan.Route!.NextHop(_o);
        Assert.Equal(_r.PublicKey, hop.PublicKey);
        Assert.Equal(7u, new Route([plan.Route.Hops[^1]]).ReadReturnRouteId(_o));
    }

    [Fact]
    public async Task A_fixed_source_skips_exits_that_could_not_resolve_the_host()
    {
        var directory = Directory(_x1, _x2);
        var source = new FixedRouteSource(_o, new NoPayer(), directory, [
            new FixedRoute([_o.PublicKey, _x1.PublicKey], [_x1.PublicKey, _o.PublicKey]),
            new FixedRoute([_o.PublicKey, _x2.PublicKey], [_x2.PublicKey, _o.PublicKey]),
        ]);
        Assert.Equal(_x1.PublicKey, (await source.FindRoundTripAsync(new RouteQuery("h.example", 1), CancellationToken.None))!.ExitKey);
        source.ReportUnreachableHost(_x1.PublicKey, "h.example");
        Assert.Equal(_x2.PublicKey, (await source.FindRoundTripAsync(new RouteQuery("h.example", 1), CancellationToken.None))!.ExitKey);
        Assert.Equal(_x1.PublicKey, (await source.FindRoundTripAsync(new RouteQuery("other.example", 1), CancellationToken.None))!.ExitKey);
        source.ReportUnreachableHost(_x2.PublicKey, "h.example");
        Assert.Null(await source.FindRoundTripAsync(new RouteQuery("h.example", 1), CancellationToken.None));
    }

    private static NodeDirectory Directory(params ICryptDE[] nodes)
    {
        var directory = new NodeDirectory();
        byte n = 1;
        foreach (var node in nodes)
        {
            byte[] wallet = new byte[20];
            wallet[19] = n++;
            directory.Add(new RouteNode(node.PublicKey, new IPEndPoint(IPAddress.Loopback, 1000 + n), WalletAddress.FromBytes(wallet), new RatePack(2, 3, 4, 5)));
        }

        return directory;
    }

    private sealed class NoPayer : IPayerSource
    {
        public PayerSigner? Signer => null;
    }
}
