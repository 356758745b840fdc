using System.Net;
using Masq.Lib.Ui.Messages;
using Masq.Node.Neighborhood.Countries;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// The mesh of neighborhood.md §9 http_end_to_end_routing_test_with_exit_location: root → neighbor → {FR exit, DE exit}.
/// The two exits take public addresses (added to the loopback device) that the built-in DB-IP table places in France and
/// Germany, so they declare those countries as any Node does, from their own IP. The FR exit charges far more than the
/// DE one. The root is consume-only and debuts before the exits join: nobody introduces a Node that accepts no
/// connections, so its only neighbor stays the neighbor and both exits are exactly 2 hops away.
/// </summary>
public sealed class ExitCountryMeshFixture : MeshEnvironment
{
    /// <summary>In FR (Orange) and DE (Deutsche Telekom) ranges of the embedded table; checked before use.</summary>
    public static readonly IPAddress FrenchAddress = IPAddress.Parse("90.100.100.77");
    public static readonly IPAddress GermanAddress = IPAddress.Parse("84.128.0.77");

    /// <summary>routingByte|routingService|exitByte|exitService: several times the default for FR, below it for DE.</summary>
    public const string ExpensiveRatePack = "200000|200000|400000|400000";
    public const string CheapRatePack = "20000|20000|50000|50000";

    internal MeshMember Neighbor { get; private set; } = null!;

    internal MeshMember Root { get; private set; } = null!;

    internal MeshMember French { get; private set; } = null!;

    internal MeshMember German { get; private set; } = null!;

    protected override async Task StartNodesAsync()
    {
        var table = IpCountryTable.Load();
        foreach (var (address, country) in new[] { (FrenchAddress, "FR"), (GermanAddress, "DE") })
        {
            if (table.CountryOf(address) != country)
            {
                throw new InvalidOperationException($"The embedded IP-country table puts {address} in {table.CountryOf(address) ?? "no country"}, not {country}: pick another address");
            }

            await AddLoopbackAddressAsync(address);
        }

        Neighbor = await Mesh.StartNodeAsync(MeshNodeOptions.Standard, "exit-location-neighbor");
        Root = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(Neighbor) with { Mode = "consume-only", MinHops = 2 }, "exit-location-root");

        // The root must be the neighbor's neighbor before the exits debut, or the neighbor could introduce it to one.
        await Mesh.WaitForStageAsync(Root, UiConnectionStage.ConnectedToNeighbor, MeshEnvironment.RouteTimeout);
        French = await Mesh.StartNodeAsync(
            MeshNodeOptions.DebutTo(Neighbor) with { Ip = FrenchAddress, ExtraArguments = ["--rate-pack", ExpensiveRatePack] }, "exit-location-FR");
        German = await Mesh.StartNodeAsync(
            MeshNodeOptions.DebutTo(Neighbor) with { Ip = GermanAddress, ExtraArguments = ["--rate-pack", CheapRatePack] }, "exit-location-DE");
    }
}

/// <summary>
/// neighborhood.md §5 and §9 http_end_to_end_routing_test_with_exit_location: at min-hops 2 with exit location FR and no
/// fallback the download leaves the mesh through the expensive FR Node; with the preference removed it takes the cheap DE
/// Node. Which Node was the exit shows in its trafficStats broadcasts (bytes read from destination servers).
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class ExitLocationRoutingTests(ExitCountryMeshFixture fixture) : IClassFixture<ExitCountryMeshFixture>
{
    private const int BlobLength = 400_000;

    [Fact]
    public async Task Exit_location_FR_routes_through_the_FR_Node_and_without_it_through_the_cheaper_DE_Node()
    {
        var mesh = fixture.Mesh;
        var root = fixture.Root;
        await mesh.WaitForStageAsync(root, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);
        await WaitForExitCountriesAsync(root, "FR", "DE");

        await using var french = await TrafficWatch.StartAsync(fixture.French);
        await using var german = await TrafficWatch.StartAsync(fixture.German);

        var selection = await mesh.ExitLocationAsync(root, new UiExitLocationRequest(false, [new UiCountryGroup(["FR"], 1)], ShowCountries: false));
        Assert.True(
            selection.MissingCountries.Count == 0 && selection.ExitCountrySelection.Single().CountryCodes.SequenceEqual(["FR"]),
            $"exitLocation FR answered selection [{string.Join(" | ", selection.ExitCountrySelection.Select(g => string.Join(",", g.CountryCodes)))}], missing [{string.Join(",", selection.MissingCountries)}]\n{mesh.Report()}");

        await TrafficWatch.AssertExitAsync(
            french, german, BlobLength, "a download with exit location FR", () => fixture.AssertDownloadsIntactAsync(root, BlobLength, 71), Context);

        // No preference: the cheapest 2-hop route, whose exit is the DE Node.
        var cleared = await mesh.ExitLocationAsync(root, new UiExitLocationRequest(false, [], ShowCountries: false));
        Assert.Empty(cleared.ExitCountrySelection);

        await TrafficWatch.AssertExitAsync(
            german, french, BlobLength, "a download without an exit location (the cheap DE Node)", () => fixture.AssertDownloadsIntactAsync(root, BlobLength, 72), Context);
    }

    /// <summary>Polls exitLocation (no preference, showCountries) until the root can reach exits in every one of <paramref name="countries"/>.</summary>
    private async Task WaitForExitCountriesAsync(MeshMember root, params string[] countries)
    {
        var deadline = DateTime.UtcNow + MeshEnvironment.RouteTimeout;
        IReadOnlyList<string> available = [];
        while (true)
        {
            var answer = await fixture.Mesh.ExitLocationAsync(root, new UiExitLocationRequest(false, [], ShowCountries: true));
            available = answer.ExitCountries ?? [];
            if (countries.All(available.Contains))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(
                    $"{root.Name} lists exit countries [{string.Join(",", available)}] after {MeshEnvironment.RouteTimeout.TotalSeconds:0} s, not all of [{string.Join(",", countries)}]:\n"
                    + $"{await root.GraphAsync()}\n{Context()}");
            }

            await Task.Delay(500);
        }
    }

    private string Context() => fixture.Mesh.Report();
}
