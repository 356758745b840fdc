using Bunit;
using Masq.Dashboard.Components.Controls;
using Masq.Dashboard.Model;
using Masq.Dashboard.Tests.Fakes;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Components;

public sealed class ControlTests : DashboardTestContext
{
    [Fact]
    public void Secret_input_passes_the_value_up_and_never_renders_it()
    {
        string? received = null;
        var cut = Render<SecretInput>(p => p.Add(s => s.Id, "pw").Add(s => s.ValueChanged, v => received = v));

        cut.Find("#pw").Change("tr0ub4dor&3");

        Assert.Equal("tr0ub4dor&3", received);
        Assert.DoesNotContain("tr0ub4dor", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("password", cut.Find("#pw").GetAttribute("type"));
        Assert.Equal("new-password", cut.Find("#pw").GetAttribute("autocomplete"));
    }

    [Fact]
    public void Secret_input_can_be_a_text_area()
    {
        var cut = Render<SecretInput>(p => p.Add(s => s.Id, "phrase").Add(s => s.Multiline, true));

        Assert.Equal("TEXTAREA", cut.Find("#phrase").TagName);
    }

    [Fact]
    public void Receivables_table_says_when_empty_and_sorts_by_balance()
    {
        var empty = Render<ReceivablesTable>(p => p.Add(t => t.Rows, []));
        Assert.Contains("No records found", empty.Markup, StringComparison.Ordinal);

        var cut = Render<ReceivablesTable>(p => p.Add(t => t.Rows,
        [
            new UiReceivableAccount("0xaaa", 1, -5),
            new UiReceivableAccount("0xbbb", 2, 7_000_000_000),
        ]));
        Assert.Contains("0xbbb", cut.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("7.00", cut.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);

        cut.FindAll("th button.sort")[2].Click();
        Assert.Contains("0xaaa", cut.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_creates_the_uplot_chart_once_and_pushes_data()
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        var chart = module.SetupModule("createTimeSeries", _ => true);
        chart.SetupVoid("setData", _ => true).SetVoidResult();

        var cut = Render<TimeSeriesChart>(p => p
            .Add(c => c.Title, "Amounts")
            .Add(c => c.SeriesNames, ["a"])
            .Add(c => c.Columns, [new double?[] { 1, 2 }, new double?[] { 3, 4 }]));

        Assert.Single(module.Invocations, i => i.Identifier == "createTimeSeries");
        Assert.Single(chart.Invocations, i => i.Identifier == "setData");

        cut.Render(p => p.Add(c => c.Columns, [new double?[] { 1, 2, 3 }, new double?[] { 3, 4, 5 }]));

        Assert.Single(module.Invocations, i => i.Identifier == "createTimeSeries");
        Assert.Equal(2, chart.Invocations.Count(i => i.Identifier == "setData"));
    }

    [Fact]
    public void Chart_with_one_sample_gets_a_time_range_and_leaves_an_unset_axis_to_uplot()
    {
        var module = JSInterop.SetupModule("./js/charts.js");
        var chart = module.SetupModule("createTimeSeries", _ => true);
        chart.SetupVoid("setData", _ => true).SetVoidResult();
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();

        Render<TimeSeriesChart>(p => p
            .Add(c => c.Title, "Bytes served per second")
            .Add(c => c.Unit, "B/s")
            .Add(c => c.SeriesNames, ["served"])
            .Add(c => c.Columns, [new double?[] { now - 5 }, new double?[] { 1024 }]));

        var layout = Assert.IsType<ChartLayout>(Assert.Single(chart.Invocations, i => i.Identifier == "setData").Arguments[1]);
        Assert.Equal((now - 60d, (double)now), (layout.XMin, layout.XMax));
        Assert.Null(layout.Y);
        Assert.Equal(false, Assert.Single(module.Invocations, i => i.Identifier == "createTimeSeries").Arguments[4]);
    }
}
