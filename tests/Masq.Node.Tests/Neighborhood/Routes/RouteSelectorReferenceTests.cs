using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Database;
using Masq.Node.Neighborhood.Routes;

namespace Masq.Node.Tests.Neighborhood.Routes;

/// <summary>
/// The branch-and-bound search against a plain enumeration of every simple path (the rules of neighborhood.md §5
/// written as directly as possible), on seeded random meshes, and on the 5×5 grid of the reference's unit tests.
/// </summary>
public sealed class RouteSelectorReferenceTests
{
    private const int Payload = 1_200;

    // "Quickly" is counted in Nodes visited, not in milliseconds, so a loaded machine cannot fail these tests; the
    // timings are in RouteSelectionBenchmarks. A search that wanders exponentially runs into LegSearch.MaxVisits.
    private const int GridVisits = 2_000;
    private const int LargeMeshVisits = 10_000;

    private readonly RouteSelector _selector = new();

    public static TheoryData<int, int> Meshes()
    {
        var data = new TheoryData<int, int>();
        foreach (int seed in new[] { 1, 2, 3, 4, 5, 6 })
        {
            foreach (int minHops in new[] { 1, 2, 3, 4 })
            {
                data.Add(seed, minHops);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Meshes))]
    public void Finds_the_cheapest_legs_of_a_random_mesh(int seed, int minHops)
    {
        var mesh = TestMesh.Random(nodes: 11, degree: 3, seed: seed);
        var db = mesh.Build();

        AssertMatchesReference(db, minHops, ExitCountryRule.None);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    public void Finds_the_cheapest_legs_with_a_country_preference(int seed, int minHops)
    {
        var mesh = TestMesh.Random(nodes: 11, degree: 3, seed: seed);
        var random = new Random(seed);
        string[] countries = ["FR", "DE", "JP"];
        foreach (var name in mesh.Names.ToArray())
        {
            mesh.Node(name, country: countries[random.Next(countries.Length)]);
        }

        var db = mesh.Build();
        var rule = new ExitCountryRule(true, c => c == "JP");

        AssertMatchesReference(db, minHops, rule);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Searches_a_five_by_five_grid_quickly(int minHops)
    {
        var mesh = TestMesh.Grid(5, (row, column) => new Masq.Lib.Configuration.RatePack(
            (ulong)(1 + ((row * 7) + (column * 3)) % 5), (ulong)(100 + (row * column)), 2, (ulong)(1_000 + (10 * row) + column)));
        var db = mesh.Build();
        var route = _selector.FindRoundTrip(db, minHops, null, Payload, ExitCountryRule.None, true);

        Assert.NotNull(route);
        Assert.InRange(route.SearchVisits, 1, GridVisits);
        Assert.Equal(minHops, route.Hops);
        AssertLegRules(db, route.Over, minHops);
        AssertLegRules(db, route.Back, minHops);
        AssertMatchesReference(db, minHops, ExitCountryRule.None, checkBack: minHops <= 4);
    }

    [Fact]
    public void A_grid_with_a_country_preference_goes_past_min_hops_to_the_only_suitable_exit()
    {
        var mesh = TestMesh.Grid(5).Node(TestMesh.GridName(4, 4), country: "FR");
        var rule = new ExitCountryRule(true, c => c == "FR");

        var route = _selector.FindRoundTrip(mesh.Build(), 3, null, Payload, rule, true);

        Assert.Equal(TestMesh.GridName(4, 4), mesh.NameOf(route!.ExitKey));
        Assert.Equal(8, route.Hops);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(6, false)]
    [InlineData(2, true)]
    public void A_large_mesh_of_equal_or_zero_rates_is_searched_quickly(int minHops, bool preference)
    {
        // Without a cost gradient the bound cannot steer; the hop bound must, or the first dive wanders exponentially.
        var mesh = TestMesh.Random(nodes: 300, degree: 5, seed: 11, randomRates: false);
        foreach (var name in mesh.Names.ToArray())
        {
            mesh.Node(name, name.EndsWith('7') ? Masq.Lib.Configuration.RatePack.Zero : null);
        }

        var zero = TestMesh.Random(nodes: 300, degree: 5, seed: 12, randomRates: false);
        foreach (var name in zero.Names.ToArray())
        {
            zero.Node(name, Masq.Lib.Configuration.RatePack.Zero, country: name.EndsWith("99", StringComparison.Ordinal) ? "FR" : null);
        }

        IExitCountryRule rule = preference ? new ExitCountryRule(true, c => c == "FR") : ExitCountryRule.None;
        var equal = _selector.FindRoundTrip(mesh.Build(), minHops, null, Payload, ExitCountryRule.None, true);
        var free = _selector.FindRoundTrip(zero.Build(), minHops, null, Payload, rule, true);

        Assert.NotNull(equal);
        Assert.NotNull(free);
        Assert.Equal(0, free.OverUndesirability);
        Assert.Equal(0, free.BackUndesirability);
        Assert.InRange(equal.SearchVisits, 1, LargeMeshVisits);
        Assert.InRange(free.SearchVisits, 1, LargeMeshVisits);
    }

    private void AssertMatchesReference(NeighborhoodDatabase db, int minHops, IExitCountryRule rule, bool checkBack = true)
    {
        var route = _selector.FindRoundTrip(db, minHops, null, Payload, rule, true);
        var (overCost, exit) = ReferenceOver(db, minHops, rule);
        if (exit is null)
        {
            Assert.Null(route);
            return;
        }

        Assert.NotNull(route);
        AssertLegRules(db, route.Over, minHops);
        Assert.Equal(overCost, route.OverUndesirability);
        Assert.Equal(overCost, OverCost(db, route.Over));
        if (checkBack)
        {
            long backCost = ReferenceBack(db, route.ExitKey, minHops);
            Assert.Equal(backCost, route.BackUndesirability);
        }

        Assert.Equal(route.BackUndesirability, BackCost(db, route.Back));
        AssertLegRules(db, route.Back, minHops);
    }

    private static void AssertLegRules(NeighborhoodDatabase db, IReadOnlyList<PublicKey> leg, int minHops)
    {
        Assert.True(leg.Count - 1 >= minHops);
        Assert.Equal(leg.Count, leg.Distinct().Count());
        for (int i = 1; i < leg.Count; i++)
        {
            Assert.True(db.HasFullNeighbor(leg[i - 1], leg[i]));
        }

        if (leg.Count > 2)
        {
            Assert.False(db.HasHalfNeighbor(leg[^1], leg[0]));
        }
    }

    private static long Relay(NodeRecord node, long bytes) =>
        RouteCost.Charge(node.Inner.RatePack.RoutingServiceRate, node.Inner.RatePack.RoutingByteRate, bytes);

    private static long ExitCost(NodeRecord node, long bytes) =>
        RouteCost.Charge(node.Inner.RatePack.ExitServiceRate, node.Inner.RatePack.ExitByteRate, bytes) + node.CountryUndesirability;

    private static long OverCost(NeighborhoodDatabase db, IReadOnlyList<PublicKey> over)
    {
        long cost = 0;
        for (int i = 1; i < over.Count - 1; i++)
        {
            cost += Relay(db.Get(over[i])!, Payload);
        }

        return cost + ExitCost(db.Get(over[^1])!, Payload);
    }

    private static long BackCost(NeighborhoodDatabase db, IReadOnlyList<PublicKey> back)
    {
        long response = Payload * 1_000L;
        var exit = db.Get(back[0])!;
        long cost = RouteCost.Charge(exit.Inner.RatePack.ExitServiceRate, exit.Inner.RatePack.ExitByteRate, response) + Relay(exit, response);
        for (int i = 1; i < back.Count - 1; i++)
        {
            cost += Relay(db.Get(back[i])!, response);
        }

        return cost;
    }

    private static (long Cost, PublicKey? Exit) ReferenceOver(NeighborhoodDatabase db, int minHops, IExitCountryRule rule)
    {
        long best = long.MaxValue;
        PublicKey? bestExit = null;
        var path = new List<PublicKey> { db.RootKey };
        void Walk()
        {
            int hops = path.Count - 1;
            var last = db.Get(path[^1])!;
            if (hops >= minHops && (rule.HasPreference || hops == minHops) && rule.IsAcceptableExit(last.CountryCode)
                && (hops == 1 || !last.ListsNeighbor(db.RootKey)))
            {
                long cost = OverCost(db, path);
                if (cost < best)
                {
                    best = cost;
                    bestExit = last.Key;
                }
            }

            if (!rule.HasPreference && hops == minHops)
            {
                return;
            }

            foreach (var next in db.FullNeighbors(last.Key))
            {
                if (next.RoutesData && !path.Contains(next.Key))
                {
                    path.Add(next.Key);
                    Walk();
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        Walk();
        return (best, bestExit);
    }

    private static long ReferenceBack(NeighborhoodDatabase db, PublicKey exit, int minHops)
    {
        long best = long.MaxValue;
        var path = new List<PublicKey> { exit };
        void Walk()
        {
            var last = path[^1];
            if (last.Equals(db.RootKey))
            {
                if (path.Count - 1 >= minHops && (path.Count == 2 || !db.Root.ListsNeighbor(exit)))
                {
                    best = Math.Min(best, BackCost(db, path));
                }

                return;
            }

            foreach (var next in db.FullNeighbors(last))
            {
                if ((next.RoutesData || next.Key.Equals(db.RootKey)) && !path.Contains(next.Key))
                {
                    path.Add(next.Key);
                    Walk();
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        Walk();
        return best;
    }
}
