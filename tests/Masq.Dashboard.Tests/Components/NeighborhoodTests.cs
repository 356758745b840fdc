using Bunit;
using Masq.Dashboard.Components.Pages;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;
using Masq.Dashboard.Tests.Model;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Components;

public sealed class NeighborhoodTests : DashboardTestContext
{
    [Fact]
    public void Draws_the_graph_with_the_local_node_highlighted()
    {
        RunNode();
        Store.SetNeighborhoodGraph(DotParserTests.NodeGraph);

        var cut = Render<Neighborhood>();

        Assert.Equal("3 Nodes known; this Node has 1 full neighbor.", cut.Find("#graph-summary").TextContent.Split(" Updated")[0]);
        var local = cut.Find("svg.graph g.node.local");
        Assert.Equal("AQIDBAUG", local.GetAttribute("data-id"));
        Assert.Contains("AR v1 AU", local.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.2.3.4:1234", local.TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("svg.graph g.node.referenced-only"));
        Assert.Single(cut.FindAll("svg.graph path.edge.mutual"));
        Assert.Single(cut.FindAll("svg.graph path.edge.one-way"));
    }

    [Fact]
    public async Task Asks_for_the_graph_only_while_shown()
    {
        RunNode();
        var cut = Render<Neighborhood>();
        Assert.True(Store.IsWanted(StoreArea.Neighborhood));
        Assert.NotNull(cut.Find("#graph-waiting"));

        await DisposeComponentsAsync();

        Assert.False(Store.IsWanted(StoreArea.Neighborhood));
    }

    [Fact]
    public void A_graph_that_cannot_be_read_is_reported_with_its_text()
    {
        RunNode();
        Store.SetNeighborhoodGraph("digraph db { \"a\" -> }");

        var cut = Render<Neighborhood>();

        Assert.Contains("could not be read", cut.Find("#graph-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("digraph db", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_updates_arrive_without_a_refresh()
    {
        RunNode();
        var cut = Render<Neighborhood>();

        Store.SetNeighborhoodGraph("digraph db { \"me\" [label=\"AR v1 CZ\\nme\\n1.1.1.1:1\"] [style=filled]; }");
        Tick();

        cut.WaitForAssertion(() => Assert.Contains("1 Node known", cut.Find("#graph-summary").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Sets_the_exit_location_and_shows_the_answer()
    {
        RunNode();
        Backend.ExitLocation = request => new UiExitLocationResponse(request.FallbackRouting, request.ExitLocations, ["SK"]);
        var cut = Render<Neighborhood>();

        cut.Find("#exit-codes").Change("cz,pl|sk");
        cut.Find("#fallback").Change(false);
        cut.Find("#set-exit").Click();

        var request = Backend.LastArgument<UiExitLocationRequest>(nameof(FakeMasqBackend.SetExitLocationAsync));
        Assert.False(request.FallbackRouting);
        Assert.False(request.ShowCountries);
        Assert.Equal(["CZ", "PL"], request.ExitLocations[0].CountryCodes);
        Tick();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Fallback Routing is NOT set. Exit location set: Country Codes: [CZ, PL] - Priority: 1; Country Codes: [SK] - Priority: 2", cut.Find("#exit-current").TextContent, StringComparison.Ordinal);
            Assert.Contains("SK", cut.Find("#exit-missing").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Listing_countries_resends_the_known_setting()
    {
        RunNode();
        Store.SetExitLocation(new UiExitLocationResponse(false, [new UiCountryGroup(["DE"], 1)], []));
        Backend.ExitLocation = request => new UiExitLocationResponse(request.FallbackRouting, request.ExitLocations, [], ["DE", "FR"]);
        var cut = Render<Neighborhood>();

        cut.Find("#show-countries").Click();

        var request = Backend.LastArgument<UiExitLocationRequest>(nameof(FakeMasqBackend.SetExitLocationAsync));
        Assert.True(request.ShowCountries);
        Assert.False(request.FallbackRouting);
        Assert.Equal(["DE"], request.ExitLocations.Single().CountryCodes);
        Assert.Equal("Countries available for exit-location: DE, FR", cut.Find("#exit-countries").TextContent);
    }

    [Fact]
    public void Missing_countries_error_and_bad_codes_are_explained()
    {
        RunNode();
        Backend.ExitLocation = _ => throw new UiCallException(UiErrorCodes.ExitCountryMissingCountries, "XX, YY");
        var cut = Render<Neighborhood>();

        cut.Find("#exit-codes").Change("CZE");
        cut.Find("#set-exit").Click();
        Assert.Contains("not a two-letter", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(0, Backend.CountOf(nameof(FakeMasqBackend.SetExitLocationAsync)));

        cut.Find("#exit-codes").Change("XX,YY");
        cut.Find("#set-exit").Click();
        Assert.Contains("None of these countries can be an exit now", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_hops_is_set_at_run_time()
    {
        RunNode();
        Store.ApplySetup(SetupWith(true, (ParameterNames.MinHops, "3", SetupStatus.Default)), SetupOrigin.Refresh);
        Backend.SetConfiguration = (_, _) => { };
        var cut = Render<Neighborhood>();
        Assert.Contains("3 in the setup", cut.Find("#min-hops-current").TextContent, StringComparison.Ordinal);

        cut.Find("#min-hops").Change("2");
        cut.Find("#set-min-hops").Click();

        Assert.Equal(("min-hops", "2"), Backend.LastArgument<(string, string)>(nameof(FakeMasqBackend.SetConfigurationAsync)));
        Assert.Equal("Parameter was successfully set.", cut.Find("#min-hops-message").TextContent);
        Tick();
        cut.WaitForAssertion(() => Assert.Contains("Currently 2", cut.Find("#min-hops-current").TextContent, StringComparison.Ordinal));

        cut.Find("#min-hops").Change("9");
        cut.Find("#set-min-hops").Click();
        Assert.Contains("error", cut.Find("#min-hops-message").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_node_disables_the_controls()
    {
        ConnectDaemon();
        Store.NodeShutDown();

        var cut = Render<Neighborhood>();

        Assert.NotNull(cut.Find("#graph-not-running"));
        Assert.True(cut.Find("#set-exit").HasAttribute("disabled"));
        Assert.True(cut.Find("#set-min-hops").HasAttribute("disabled"));
    }
}
