using Bunit;
using Masq.Dashboard.Components.Pages;
using Masq.Dashboard.Model;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Components;

public sealed class AccountingTests : DashboardTestContext
{
    private static readonly UiTopRecordsConfig Top = new(100, UiTopRecordsOrdering.Balance);

    [Fact]
    public void A_stopped_node_has_no_figures()
    {
        ConnectDaemon();
        Store.NodeShutDown();

        var cut = Render<Accounting>();

        Assert.NotNull(cut.Find("#accounting-not-running"));
        Assert.Empty(cut.FindAll("#totals"));
        Assert.NotNull(cut.Find("#records-none"));
    }

    [Fact]
    public void Shows_the_reported_totals_and_top_records()
    {
        RunNode();
        Store.AddFinancials(Response(), Top);

        var cut = Render<Accounting>();

        var totals = cut.Find("#totals").TextContent;
        Assert.Contains("1.50", totals, StringComparison.Ordinal);
        Assert.Contains("1,500,000,000 gwei", totals, StringComparison.Ordinal);
        Assert.Contains("-0.25", totals, StringComparison.Ordinal);
        var payables = cut.FindAll(".payables tbody tr");
        Assert.Equal(2, payables.Count);
        Assert.Contains("0x2222222222222222222222222222222222222222", payables[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("0xabc", payables[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("None", payables[1].TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll(".receivables tbody tr"));
    }

    [Fact]
    public void The_traffic_chart_uses_the_same_binary_unit_as_the_Overview()
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        var chart = module.SetupModule("createTimeSeries", _ => true);
        chart.SetupVoid("setData", _ => true).SetVoidResult();
        RunNode();
        Store.AddFinancials(Response(), Top);
        Store.AddTraffic(new TrafficReport(new TrafficCounters(0, 0), new TrafficCounters(0, 0), new TrafficCounters(0, 0)));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Store.AddTraffic(new TrafficReport(new TrafficCounters(2048, 1024), new TrafficCounters(0, 0), new TrafficCounters(0, 3072)));

        Render<Accounting>();

        var created = module.Invocations.Where(i => i.Identifier == "createTimeSeries").ToList();
        var traffic = Assert.Single(created, i => ((string)i.Arguments[1]!).StartsWith("Bytes served per second", StringComparison.Ordinal));
        Assert.Equal("Bytes served per second (KiB/s)", traffic.Arguments[1]);
        Assert.Equal("KiB/s", traffic.Arguments[3]);
        // The served rate, 3072 B/s, is drawn as 3 KiB/s, as the Overview's table writes it ("3.0 KiB/s").
        var data = chart.Invocations.Where(i => i.Identifier == "setData")
            .Select(i => (Columns: (IReadOnlyList<double?[]>)i.Arguments[0]!, Layout: (ChartLayout)i.Arguments[1]!))
            .Last(d => d.Layout.Y?.Unit == "KiB/s");
        Assert.Equal(3d, data.Columns[1][^1]);
        Assert.Equal("3.0 KiB/s", Amounts.ByteRate(3072));
    }

    [Fact]
    public void Tables_sort_by_the_clicked_column()
    {
        RunNode();
        Store.AddFinancials(Response(), Top);
        var cut = Render<Accounting>();

        cut.FindAll(".payables th button.sort")[1].Click(); // Age: descending first
        Assert.Contains("0x1111", cut.FindAll(".payables tbody tr")[0].TextContent, StringComparison.Ordinal);
        cut.FindAll(".payables th button.sort")[1].Click(); // Age ascending
        Assert.Contains("0x2222", cut.FindAll(".payables tbody tr")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void New_financials_reach_an_open_page_and_feed_the_chart()
    {
        RunNode();
        var cut = Render<Accounting>();
        Assert.NotNull(cut.Find("#financials-waiting"));

        Store.AddFinancials(Response(), Top);
        Tick();

        cut.WaitForAssertion(() => Assert.Contains("1.50", cut.Find("#totals").TextContent, StringComparison.Ordinal));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "import" && (string?)i.Arguments[0] == "./js/charts.js");
        Assert.NotNull(cut.Find("#served-none"));
    }

    [Fact]
    public void A_single_sample_gets_a_minute_of_time_axis_ending_now()
    {
        var (module, chart) = ChartModule();
        RunNode();
        Store.AddFinancials(Response(), Top);

        Render<Accounting>();

        var (columns, layout) = LastAmountsPush(chart);
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(now, layout.XMax);
        Assert.Equal(now - 60, layout.XMin);
        Assert.Equal(now, Assert.Single(columns[0]));
        Assert.All(columns.Skip(1), c => Assert.True(double.IsFinite(Assert.Single(c)!.Value)));
    }

    [Fact]
    public void Millionths_of_a_masq_are_charted_in_gwei_with_distinct_ticks()
    {
        var (module, chart) = ChartModule();
        RunNode();
        Store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(1_000, 250, 400, 0)), Top);

        var cut = Render<Accounting>();

        var (columns, layout) = LastAmountsPush(chart);
        var axis = layout.Y!;
        Assert.Equal("gwei", axis.Unit);
        Assert.Equal(["0", "200", "400", "600", "800", "1,000", "1,200"], axis.Ticks.Select(t => t.Label));
        Assert.Equal([1_000d], columns[1]);
        Assert.Equal([400d], columns[2]);
        Assert.Contains(module.Invocations, i => i.Identifier == "createTimeSeries" && (string?)i.Arguments[1] == "Amounts (gwei)" && (string?)i.Arguments[3] == "gwei");
        Assert.Equal("Amounts (gwei)", cut.Find(".chart").GetAttribute("aria-label"));
    }

    [Fact]
    public void Large_amounts_are_charted_in_whole_masq()
    {
        var (module, chart) = ChartModule();
        RunNode();
        Store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(37_500_000_000_000_000, 0, -1_000, ulong.MaxValue / 1_000)), Top);

        Render<Accounting>();

        var (columns, layout) = LastAmountsPush(chart);
        var axis = layout.Y!;
        Assert.Equal("MASQ", axis.Unit);
        Assert.Equal(["-10,000,000", "0", "10,000,000", "20,000,000", "30,000,000", "40,000,000"], axis.Ticks.Select(t => t.Label));
        Assert.Equal(37_500_000d, columns[1][0]);
    }

    [Fact]
    public void All_zero_amounts_get_a_readable_axis()
    {
        var (module, chart) = ChartModule();
        RunNode();
        Store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(0, 0, 0, 0)), Top);

        Render<Accounting>();

        var (columns, layout) = LastAmountsPush(chart);
        var labels = layout.Y!.Ticks.Select(t => t.Label).ToList();
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], labels);
        Assert.Equal((0d, 1d), (layout.Y.Min, layout.Y.Max));
        Assert.All(columns.Skip(1), c => Assert.Equal([0d], c));
    }

    [Fact]
    public void The_axis_follows_the_amounts_as_they_grow()
    {
        var (module, chart) = ChartModule();
        RunNode();
        Store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(1_000, 0, 0, 0)), Top);
        var cut = Render<Accounting>();
        Assert.Equal("gwei", LastAmountsPush(chart).Layout.Y!.Unit);

        Clock.Advance(TimeSpan.FromSeconds(30));
        Store.AddFinancials(new UiFinancialsResponse(new UiFinancialStatistics(1_500_000_000, 0, 0, 0)), Top);
        Tick();

        cut.WaitForAssertion(() => Assert.Equal("MASQ", LastAmountsPush(chart).Layout.Y!.Unit));
        var (columns, layout) = LastAmountsPush(chart);
        Assert.Equal([0.000001, 1.5], columns[1]);
        Assert.Equal(["0.0", "0.5", "1.0", "1.5", "2.0"], layout.Y!.Ticks.Select(t => t.Label));
        Assert.Equal(layout.XMax - 60, layout.XMin);
        Assert.Equal(2, module.Invocations.Count(i => i.Identifier == "createTimeSeries"));
    }

    [Fact]
    public void A_failing_read_is_shown()
    {
        RunNode();
        Store.SetFinancialsProblem("No response from Node or Daemon after 3000ms");

        var cut = Render<Accounting>();

        Assert.Contains("after 3000ms", cut.Find("#financials-problem").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_queries_are_checked_sent_and_shown()
    {
        RunNode();
        Backend.Financials = _ => new UiFinancialsResponse(null, new UiQueryResults([new UiPayableAccount("0x3333333333333333333333333333333333333333", 50, 7_000_000_000)], null));
        var cut = Render<Accounting>();

        cut.FindAll("input[name=query]")[2].Change(true);
        cut.Find("#payable-range").Change("0-100|9-1");
        cut.Find("#run-range").Click();
        Assert.Contains("low to high", cut.Markup, StringComparison.Ordinal);

        cut.Find("#payable-range").Change("0-100|0.5-");
        cut.Find("#run-range").Click();

        var request = Backend.LastArgument<UiFinancialsRequest>(nameof(FakeMasqBackend.GetFinancialsAsync));
        Assert.False(request.StatsRequired);
        Assert.Null(request.TopRecordsOpt);
        Assert.Equal(new UiRangeQuery<ulong>(0, 100, 500_000_000, long.MaxValue), request.CustomQueriesOpt!.PayableOpt);
        Assert.Null(request.CustomQueriesOpt.ReceivableOpt);
        Assert.Contains("0x3333", cut.Find(".payables").TextContent, StringComparison.Ordinal);
        Assert.Contains("0-100 sec 0.5-UNLIMITED MASQ", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".receivables"));

        Clock.Advance(TimeSpan.FromSeconds(2));
        cut.WaitForAssertion(() => Assert.Equal(2, Backend.CountOf(nameof(FakeMasqBackend.GetFinancialsAsync))));
    }

    [Fact]
    public void Top_records_query_uses_the_chosen_count_and_order()
    {
        RunNode();
        Backend.Financials = _ => Response();
        var cut = Render<Accounting>();

        cut.FindAll("input[name=query]")[1].Change(true);
        cut.Find("#top-count").Change("5");
        cut.Find("#top-order").Change("Age");
        cut.Find("#run-top").Click();

        var request = Backend.LastArgument<UiFinancialsRequest>(nameof(FakeMasqBackend.GetFinancialsAsync));
        Assert.Equal(new UiTopRecordsConfig(5, UiTopRecordsOrdering.Age), request.TopRecordsOpt);
        Assert.Equal(2, cut.FindAll(".payables tbody tr").Count);
    }

    [Fact]
    public void Scan_buttons_run_scans_and_explain_a_silent_node()
    {
        RunNode();
        Backend.Scan = type => { if (type == UiScanType.Receivables) throw new UiCallException(UiErrorCodes.Timeout, "No response from Node or Daemon after 10000ms"); };
        var cut = Render<Accounting>();

        cut.Find("#scan-payables").Click();
        Assert.Equal("Payables scan finished.", cut.Find("#scan-message").TextContent);
        Assert.Equal(UiScanType.Payables, Backend.LastArgument<UiScanType>(nameof(FakeMasqBackend.ScanAsync)));

        cut.Find("#scan-receivables").Click();
        Assert.Contains("only written to the log", cut.Find("#scan-message").TextContent, StringComparison.Ordinal);
    }

    /// <summary>The fake chart module: createTimeSeries hands out <c>Chart</c>, which records what the page pushes.</summary>
    private (BunitJSModuleInterop Module, BunitJSModuleInterop Chart) ChartModule()
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        var chart = module.SetupModule("createTimeSeries", _ => true);
        chart.SetupVoid("setData", _ => true).SetVoidResult();
        return (module, chart);
    }

    private static (IReadOnlyList<double?[]> Columns, ChartLayout Layout) LastAmountsPush(BunitJSModuleInterop chart)
    {
        var push = chart.Invocations.Last(i => i.Identifier == "setData");
        return ((IReadOnlyList<double?[]>)push.Arguments[0]!, (ChartLayout)push.Arguments[1]!);
    }

    private static UiFinancialsResponse Response() => new(
        new UiFinancialStatistics(1_500_000_000, 3_000_000_000, -250_000_000, 0),
        new UiQueryResults(
            [
                new UiPayableAccount("0x1111111111111111111111111111111111111111", 9_000, 100_000_000, null),
                new UiPayableAccount("0x2222222222222222222222222222222222222222", 10, 1_400_000_000, "0xabc"),
            ],
            [new UiReceivableAccount("0x4444444444444444444444444444444444444444", 30, -250_000_000)]));
}
