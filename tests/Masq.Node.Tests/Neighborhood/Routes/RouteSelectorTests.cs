using System.Net;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Routes;
using Masq.Node.Routing;

namespace Masq.Node.Tests.Neighborhood.Routes;

public sealed class RouteSelectorTests
{
    private const int Payload = 1_000;

    private readonly RouteSelector _selector = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void A_chain_gives_a_route_of_exactly_min_hops_both_ways(int minHops)
    {
        var mesh = new TestMesh().Chain("root", "n1", "n2", "n3", "n4", "n5", "n6", "n7");

        var route = Find(mesh, minHops);

        string[] expected = ["root", .. Enumerable.Range(1, minHops).Select(i => $"n{i}")];
        Assert.Equal(expected, mesh.NamesOf(route!.Over));
        Assert.Equal(expected.Reverse(), mesh.NamesOf(route.Back));
        Assert.Equal(minHops, route.Hops);
    }

    [Fact]
    public void Too_short_a_chain_gives_no_route()
    {
        var mesh = new TestMesh().Chain("root", "n1", "n2");

        Assert.NotNull(Find(mesh, 2));
        Assert.Null(Find(mesh, 3));
    }

    [Fact]
    public void A_database_holding_only_the_root_gives_no_route()
    {
        Assert.Null(Find(new TestMesh(), 1));
    }

    [Fact]
    public void Only_full_links_are_crossed()
    {
        // root—a is full; a lists b but b does not list a; c (a full neighbor of a) is a dearer exit.
        var mesh = new TestMesh()
            .Node("b", Rates(routing: 10, exit: 10))
            .Node("c", Rates(routing: 10, exit: 1_000_000))
            .Link("root", "a").HalfLink("a", "b").Link("a", "c");

        Assert.Equal(["root", "a", "c"], mesh.NamesOf(Find(mesh, 2)!.Over));

        var halfOnly = new TestMesh().Link("root", "a").HalfLink("a", "b");
        Assert.Null(Find(halfOnly, 2));

        var halfFromRoot = new TestMesh().HalfLink("root", "a");
        Assert.Null(Find(halfFromRoot, 1));
    }

    [Fact]
    public void The_exit_is_not_a_neighbor_of_the_originator_beyond_one_hop()
    {
        // b is cheapest but a full neighbor of root; d lists root only as a half link; c is the only fit.
        var mesh = new TestMesh()
            .Node("b", Rates(routing: 1, exit: 1))
            .Node("d", Rates(routing: 1, exit: 1))
            .Node("c", Rates(routing: 1, exit: 1_000_000))
            .Link("root", "a").Link("a", "b").Link("root", "b").Link("a", "c").Link("a", "d").HalfLink("d", "root");

        var route = Find(mesh, 2);

        Assert.Equal(["root", "a", "c"], mesh.NamesOf(route!.Over));
        Assert.Equal(["c", "a", "root"], mesh.NamesOf(route.Back));
    }

    [Fact]
    public void An_exit_the_originator_lists_as_a_half_neighbor_is_passed_over_for_one_that_leads_back()
    {
        // d is the cheapest exit two hops out and does not list root, but root lists d (a half link root → d, e.g. a
        // connection root tried that d never took up). The back leg must not end with root listing its first Node, so
        // d cannot be the exit; c can. Choosing d by the over leg alone found no route at all.
        var mesh = new TestMesh()
            .Node("d", Rates(routing: 1, exit: 1))
            .Node("c", Rates(routing: 1, exit: 1_000_000))
            .Link("root", "a").Link("a", "c").Link("a", "d").HalfLink("root", "d");

        var route = Find(mesh, 2);

        Assert.NotNull(route);
        Assert.Equal(["root", "a", "c"], mesh.NamesOf(route.Over));
        Assert.Equal(["c", "a", "root"], mesh.NamesOf(route.Back));
    }

    [Fact]
    public void At_one_hop_the_exit_is_the_originators_neighbor()
    {
        var mesh = new TestMesh().Node("a", Rates(routing: 1, exit: 5)).Node("b", Rates(routing: 1, exit: 3)).Link("root", "a").Link("root", "b");

        var route = Find(mesh, 1);

        Assert.Equal(["root", "b"], mesh.NamesOf(route!.Over));
        Assert.Equal(["b", "root"], mesh.NamesOf(route.Back));
    }

    [Fact]
    public void Nodes_that_do_not_route_data_are_neither_relays_nor_exits()
    {
        var mesh = new TestMesh()
            .Node("x", Rates(routing: 1, exit: 1), routesData: false)
            .Node("y", Rates(routing: 1_000, exit: 1))
            .Link("root", "x").Link("x", "e1").Link("root", "y").Link("y", "e2");

        Assert.Equal(["root", "y", "e2"], mesh.NamesOf(Find(mesh, 2)!.Over));

        var lonely = new TestMesh().Node("x", routesData: false).Link("root", "x");
        Assert.Null(Find(lonely, 1));
    }

    [Fact]
    public void An_originator_that_does_not_route_data_still_gets_its_responses()
    {
        var mesh = new TestMesh().Node("root", routesData: false, acceptsConnections: false).Chain("root", "a", "b");

        var route = Find(mesh, 2);

        Assert.Equal(["b", "a", "root"], mesh.NamesOf(route!.Back));
    }

    [Fact]
    public void Ragged_edge_keys_are_unusable()
    {
        var mesh = new TestMesh().Ghost("root", "ghost");
        Assert.Null(Find(mesh, 1));

        var beyond = new TestMesh().Link("root", "a").Ghost("a", "ghost");
        Assert.Null(Find(beyond, 2));
        Assert.Equal(["root", "a"], beyond.NamesOf(Find(beyond, 1)!.Over));
    }

    [Fact]
    public void The_cheapest_relay_is_chosen()
    {
        var mesh = new TestMesh()
            .Node("cheap", Rates(routing: 10, exit: 10))
            .Node("dear", Rates(routing: 20, exit: 10))
            .Link("root", "cheap").Link("root", "dear").Link("cheap", "e").Link("dear", "e");

        var route = Find(mesh, 2);

        Assert.Equal(["root", "cheap", "e"], mesh.NamesOf(route!.Over));
        Assert.Equal(["e", "cheap", "root"], mesh.NamesOf(route.Back));
    }

    [Theory]
    [InlineData(50, "bytes")]
    [InlineData(500, "service")]
    public void Exit_charges_weigh_service_and_byte_rates_for_the_payload(int payload, string expected)
    {
        // "service": 1000 + 1/byte; "bytes": 0 + 10/byte. 50 bytes: 1050 vs 500; 500 bytes: 1500 vs 5000.
        var mesh = new TestMesh()
            .Node("service", new RatePack(1, 1, 1, 1_000))
            .Node("bytes", new RatePack(1, 1, 10, 0))
            .Link("root", "a").Link("a", "service").Link("a", "bytes");

        var route = _selector.FindRoundTrip(mesh.Build(), 2, null, payload, ExitCountryRule.None, hasConsumingWallet: true);

        Assert.Equal(expected, mesh.NameOf(route!.ExitKey));
        long exitCharge = payload == 50 ? 500 : 1_500;
        Assert.Equal(RouteCost.Charge(RatePack.Default.RoutingServiceRate, RatePack.Default.RoutingByteRate, payload) + exitCharge, route.OverUndesirability);
    }

    [Fact]
    public void The_return_leg_is_costed_for_a_thousand_times_the_payload_and_may_exceed_min_hops()
    {
        // Over: root-a-b is cheaper than root-d-c (c is a dear exit). Back: a is dear for big responses, so b-c-d-root.
        var mesh = new TestMesh()
            .Node("a", new RatePack(1_000, 1, 1, 1))
            .Node("b", Rates(routing: 1, exit: 1))
            .Node("c", new RatePack(1, 1, 1, 1_000_000_000))
            .Node("d", Rates(routing: 1, exit: 1))
            .Chain("root", "a", "b", "c", "d", "root");

        var route = Find(mesh, 2, payload: 10);

        Assert.Equal(["root", "a", "b"], mesh.NamesOf(route!.Over));
        Assert.Equal(["b", "c", "d", "root"], mesh.NamesOf(route.Back));
        // b starts with its exit (1) and routing (1) charges; c adds 1 + 1 × 10,000; d adds 1. Via a: 2 + 1 + 1000 × 10,000.
        Assert.Equal(10_004, route.BackUndesirability);
    }

    [Fact]
    public void The_unreachable_host_penalty_applies_per_host()
    {
        var mesh = new TestMesh()
            .Node("cheap", Rates(routing: 1, exit: 1))
            .Node("dear", Rates(routing: 1, exit: 10_000))
            .Link("root", "cheap").Link("root", "dear");
        var db = mesh.Build();
        db.Get(mesh.Key("cheap"))!.AddUnreachableHost("bad.example");

        Assert.Equal("dear", ExitOf(mesh, db, "bad.example"));
        Assert.Equal("dear", ExitOf(mesh, db, "BAD.example"));
        Assert.Equal("cheap", ExitOf(mesh, db, "good.example"));
        Assert.Equal("cheap", ExitOf(mesh, db, null));

        // Failing everywhere still gives a route: the penalty is a cost, not a ban.
        db.Get(mesh.Key("dear"))!.AddUnreachableHost("bad.example");
        Assert.Equal("cheap", ExitOf(mesh, db, "bad.example"));
    }

    [Fact]
    public void Country_undesirability_is_part_of_the_exit_cost()
    {
        var mesh = new TestMesh()
            .Node("fr", Rates(routing: 1, exit: 5_000), country: "FR")
            .Node("de", Rates(routing: 1, exit: 1), country: "DE")
            .Link("root", "fr").Link("root", "de");
        var db = mesh.Build();
        db.Get(mesh.Key("de"))!.CountryUndesirability = 100_000_000;

        Assert.Equal("fr", ExitOf(mesh, db, null));
    }

    [Fact]
    public void Exit_location_without_fallback_picks_the_chosen_country_even_when_dearer()
    {
        // multinode http_end_to_end_routing_test_with_exit_location: root → neighbor → {FR exit (expensive), DE exit (cheap)}.
        var mesh = ExitLocationMesh();
        var db = mesh.Build();
        var onlyFr = new ExitCountryRule(true, c => c == "FR");

        var route = _selector.FindRoundTrip(db, 2, null, Payload, onlyFr, hasConsumingWallet: true);

        Assert.Equal(["root", "neighbor", "fr"], mesh.NamesOf(route!.Over));
        Assert.Equal(["fr", "neighbor", "root"], mesh.NamesOf(route.Back));
        Assert.Equal("de", mesh.NameOf(Find(mesh, 2)!.ExitKey));
    }

    [Fact]
    public void Exit_location_without_fallback_and_no_such_exit_gives_no_route()
    {
        var mesh = ExitLocationMesh();
        var onlyJp = new ExitCountryRule(true, c => c == "JP");

        Assert.Null(_selector.FindRoundTrip(mesh.Build(), 2, null, Payload, onlyJp, hasConsumingWallet: true));
    }

    [Fact]
    public void A_node_without_a_country_is_never_an_exit_without_fallback()
    {
        var mesh = new TestMesh().Link("root", "a").Link("a", "b");
        var rule = new ExitCountryRule(true, c => c == "FR");

        Assert.Null(_selector.FindRoundTrip(mesh.Build(), 2, null, Payload, rule, hasConsumingWallet: true));
    }

    [Fact]
    public void Exit_location_with_fallback_prefers_the_chosen_country_and_falls_back_when_none_is_reachable()
    {
        var mesh = ExitLocationMesh();
        var db = mesh.Build();
        var available = _selector.AvailableExitCountries(db, 2);
        Assert.Equal(["DE", "FR"], available);

        // FR chosen and reachable: only FR qualifies (the others also cost 100,000,000 more).
        var fr = FallbackRule(db, available, "FR");
        Assert.Equal("fr", mesh.NameOf(_selector.FindRoundTrip(db, 2, null, Payload, fr, true)!.ExitKey));

        // JP chosen but unreachable: any exit qualifies, all cost the same penalty, so the cheapest wins.
        var jp = FallbackRule(db, available, "JP");
        Assert.Equal("de", mesh.NameOf(_selector.FindRoundTrip(db, 2, null, Payload, jp, true)!.ExitKey));
    }

    [Fact]
    public void With_a_country_preference_the_over_leg_may_go_past_min_hops_to_find_an_exit()
    {
        var mesh = new TestMesh()
            .Node("fr", Rates(routing: 1, exit: 1), country: "FR")
            .Node("de", Rates(routing: 1, exit: 1), country: "DE")
            .Chain("root", "a", "de", "b", "fr");
        var rule = new ExitCountryRule(true, c => c == "FR");

        var route = _selector.FindRoundTrip(mesh.Build(), 2, null, Payload, rule, hasConsumingWallet: true);

        Assert.Equal(["root", "a", "de", "b", "fr"], mesh.NamesOf(route!.Over));
        Assert.Equal(["fr", "b", "de", "a", "root"], mesh.NamesOf(route.Back));
        Assert.Equal(["root", "a", "de"], mesh.NamesOf(Find(mesh, 2)!.Over));
    }

    [Fact]
    public void Without_a_consuming_wallet_only_one_hop_routes_are_found()
    {
        var mesh = new TestMesh().Chain("root", "a", "b", "c");

        Assert.Null(Find(mesh, 2, wallet: false));
        Assert.Null(Find(mesh, 3, wallet: false));
        var route = Find(mesh, 1, wallet: false);
        Assert.Equal(["root", "a"], mesh.NamesOf(route!.Over));
        Assert.Equal(["a", "root"], mesh.NamesOf(route.Back));
    }

    [Fact]
    public void Without_a_consuming_wallet_an_equally_cheap_longer_return_cannot_hide_the_direct_one()
    {
        // a is the exit (b's exit charges are huge); returning through b costs nothing more than returning directly.
        var mesh = new TestMesh().Node("b", new RatePack(0, 0, 1_000_000, 1_000_000_000)).Chain("root", "a", "b", "root");

        var route = Find(mesh, 1, wallet: false);

        Assert.Equal(["root", "a"], mesh.NamesOf(route!.Over));
        Assert.Equal(["a", "root"], mesh.NamesOf(route.Back));
    }

    [Fact]
    public void Available_exit_countries_are_those_of_exits_at_min_hops_ignoring_the_rule()
    {
        var mesh = ExitLocationMesh()
            .Node("us", country: "US").Link("root", "us")
            .Node("jp", country: "JP").Link("fr", "jp")
            .Node("nl", country: "NL", routesData: false).Link("neighbor", "nl")
            .Node("xx").Link("neighbor", "xx");
        var db = mesh.Build();

        Assert.Equal(["DE", "FR"], _selector.AvailableExitCountries(db, 2));
        Assert.Equal(["JP"], _selector.AvailableExitCountries(db, 3));
        Assert.Equal(["US"], _selector.AvailableExitCountries(db, 1));
    }

    [Fact]
    public void The_route_describes_every_node_and_plans_a_round_trip()
    {
        var mesh = new TestMesh()
            .Node("a", new RatePack(1, 2, 3, 4), address: new NodeAddr(IPAddress.Parse("10.0.0.1"), [5000, 4000]))
            .Node("b", new RatePack(5, 6, 7, 8), acceptsConnections: false)
            .Chain("root", "a", "b");
        var route = Find(mesh, 2)!;

        var a = route.Describe(mesh.Key("a"))!;
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 4000), a.Endpoint);
        Assert.Equal(new RatePack(1, 2, 3, 4), a.Rates);
        Assert.Null(route.Describe(mesh.Key("b"))!.Endpoint);
        Assert.Equal(3, route.OverNodes.Count);

        var plan = RoundTripPlanner.Build(mesh.Signer("root"), null, route.Over, route.Back, route.Describe, 42);

        Assert.Equal(mesh.Key("b"), plan.ExitKey);
        Assert.Equal(42u, plan.ReturnRouteId);
        Assert.IsType<ExpectedNothing>(plan.Over[0]);
        Assert.Equal(mesh.Key("a"), Assert.IsType<ExpectedRouting>(plan.Over[1]).Key);
        Assert.Equal(new RatePack(5, 6, 7, 8), Assert.IsType<ExpectedExit>(plan.Over[2]).Rates);
        Assert.IsType<ExpectedExit>(plan.Back[0]);
        Assert.IsType<ExpectedNothing>(plan.Back[2]);
    }

    [Fact]
    public void Equal_costs_are_broken_the_same_way_whatever_the_insertion_order()
    {
        var first = new TestMesh().Link("root", "a").Link("root", "b").Link("a", "c").Link("b", "c").Link("a", "d").Link("b", "d");
        var second = new TestMesh().Link("b", "d").Link("a", "d").Link("b", "c").Link("a", "c").Link("root", "b").Link("root", "a");

        var one = Find(first, 2)!;
        var two = Find(second, 2)!;

        Assert.Equal(one.Over, two.Over);
        Assert.Equal(one.Back, two.Back);
    }

    [Fact]
    public void Arithmetic_saturates_instead_of_overflowing()
    {
        var mesh = new TestMesh()
            .Node("a", new RatePack(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue))
            .Node("b", new RatePack(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue))
            .Chain("root", "a", "b");

        var route = Find(mesh, 2, payload: int.MaxValue);

        Assert.Equal(RouteCost.Saturated, route!.OverUndesirability);
        Assert.Equal(RouteCost.Saturated, route.BackUndesirability);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var db = new TestMesh().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => _selector.FindRoundTrip(db, 0, null, Payload, ExitCountryRule.None, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => _selector.FindRoundTrip(db, 7, null, Payload, ExitCountryRule.None, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => _selector.FindRoundTrip(db, 1, null, -1, ExitCountryRule.None, true));
    }

    internal static RatePack Rates(ulong routing, ulong exit) => new(0, routing, 0, exit);

    private static TestMesh ExitLocationMesh() =>
        new TestMesh()
            .Node("fr", Rates(routing: 100, exit: 1_000_000), country: "FR")
            .Node("de", Rates(routing: 1, exit: 1), country: "DE")
            .Link("root", "neighbor").Link("neighbor", "fr").Link("neighbor", "de");

    /// <summary>The fallback rule and undesirabilities as ExitCountryPreferences would set them for one chosen country.</summary>
    private static ExitCountryRule FallbackRule(NeighborhoodDatabase db, IReadOnlyList<string> available, string chosen)
    {
        foreach (var record in db.Records)
        {
            record.CountryUndesirability = record.CountryCode == chosen ? 0u : 100_000_000u;
        }

        bool anyReachable = available.Contains(chosen);
        return new ExitCountryRule(true, c => c == chosen || !anyReachable);
    }

    private string? ExitOf(TestMesh mesh, NeighborhoodDatabase db, string? host)
    {
        var route = _selector.FindRoundTrip(db, 1, host, Payload, ExitCountryRule.None, hasConsumingWallet: true);
        return route is null ? null : mesh.NameOf(route.ExitKey);
    }

    private SelectedRoute? Find(TestMesh mesh, int minHops, bool wallet = true, int payload = Payload) =>
        _selector.FindRoundTrip(mesh.Build(), minHops, null, payload, ExitCountryRule.None, wallet);
}
