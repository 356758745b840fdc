using System.Globalization;
using Masq.Dashboard.Model;

namespace Masq.Dashboard.Tests.Model;

public sealed class ChartAxesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly double NowS = Now.ToUnixTimeSeconds();

    [Fact]
    public void One_sample_gets_a_minute_ending_now()
    {
        var (min, max) = TimeAxis.Range([NowS], Now);

        Assert.Equal(NowS - 60, min);
        Assert.Equal(NowS, max);
    }

    [Fact]
    public void No_sample_still_gets_a_minute()
    {
        var (min, max) = TimeAxis.Range([null], Now);

        Assert.Equal((NowS - 60, NowS), (min, max));
    }

    [Fact]
    public void An_old_lone_sample_stays_in_view_and_long_histories_are_shown_whole()
    {
        Assert.Equal((NowS - 3_600, NowS), TimeAxis.Range([NowS - 3_600], Now));
        Assert.Equal((NowS - 600, NowS + 5), TimeAxis.Range([NowS - 600, null, NowS + 5], Now));
    }

    [Theory]
    [InlineData("0.3", "1")]
    [InlineData("1", "1")]
    [InlineData("1.5", "2")]
    [InlineData("3", "5")]
    [InlineData("7", "10")]
    [InlineData("200", "200")]
    [InlineData("2000000.5", "5000000")]
    [InlineData("3700000000000000000", "5000000000000000000")]
    public void Steps_are_one_two_or_five_times_a_power_of_ten_gwei(string rough, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), AmountAxis.NiceStep(decimal.Parse(rough, CultureInfo.InvariantCulture)));

    [Fact]
    public void Millionths_of_a_masq_are_shown_in_gwei()
    {
        var axis = AmountAxis.For([1_000m]);

        Assert.Equal("gwei", axis.Unit);
        Assert.Equal(["0", "200", "400", "600", "800", "1,000", "1,200"], Labels(axis));
        Assert.Equal(1_000d, axis.Plot(1_000m));
        Assert.Equal((0d, 1_200d), (axis.Axis.Min, axis.Axis.Max));
    }

    [Fact]
    public void A_single_gwei_still_has_distinct_ticks()
    {
        var axis = AmountAxis.For([1m, 0m]);

        Assert.Equal("gwei", axis.Unit);
        Assert.Equal(["0", "1", "2"], Labels(axis));
    }

    [Fact]
    public void From_a_hundredth_of_a_masq_up_the_unit_is_masq_with_the_decimals_the_step_needs()
    {
        var axis = AmountAxis.For([15_000_000m, 2_000_000m]);

        Assert.Equal("MASQ", axis.Unit);
        Assert.Equal(["0.000", "0.005", "0.010", "0.015", "0.020"], Labels(axis));
        Assert.Equal(0.015, axis.Plot(15_000_000m), 12);
    }

    [Fact]
    public void Just_under_a_hundredth_of_a_masq_is_in_gwei()
    {
        var axis = AmountAxis.For([9_999_999m]);

        Assert.Equal("gwei", axis.Unit);
        Assert.Equal(["0", "2,000,000", "4,000,000", "6,000,000", "8,000,000", "10,000,000"], Labels(axis));
    }

    [Fact]
    public void Large_amounts_are_whole_masq_with_commas()
    {
        var axis = AmountAxis.For([37_500_000m * Amounts.GweiPerMasq, 1_000m]);

        Assert.Equal("MASQ", axis.Unit);
        Assert.Equal(["0", "10,000,000", "20,000,000", "30,000,000", "40,000,000"], Labels(axis));
    }

    [Fact]
    public void The_largest_amounts_the_node_reports_fit()
    {
        var axis = AmountAxis.For([ulong.MaxValue, long.MinValue]);

        Assert.Equal("MASQ", axis.Unit);
        Assert.Equal("-10,000,000,000", Labels(axis)[0]);
        Assert.Equal("20,000,000,000", Labels(axis)[^1]);
        Assert.Equal(Labels(axis).Count, Labels(axis).Distinct().Count());
    }

    [Fact]
    public void Nothing_but_zero_gets_a_zero_to_one_masq_axis()
    {
        var axis = AmountAxis.For([0m, 0m]);

        Assert.Equal("MASQ", axis.Unit);
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], Labels(axis));
        Assert.Equal((0d, 1d), (axis.Axis.Min, axis.Axis.Max));
    }

    [Fact]
    public void Negative_amounts_reach_below_zero_with_head_room()
    {
        var axis = AmountAxis.For([-250_000_000m, 0m]);

        Assert.Equal("MASQ", axis.Unit);
        Assert.Equal(["-0.30", "-0.25", "-0.20", "-0.15", "-0.10", "-0.05", "0.00"], Labels(axis));
        Assert.Equal(-0.3, axis.Axis.Min, 12);
        Assert.Equal(0d, axis.Axis.Max);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(7L)]
    [InlineData(1_000L)]
    [InlineData(123_456_789L)]
    [InlineData(999_999_999_999L)]
    [InlineData(-42L)]
    public void Ticks_are_distinct_and_the_values_lie_inside_the_axis_off_its_frame(long gwei)
    {
        var axis = AmountAxis.For([gwei, 0m]);
        var labels = Labels(axis);

        Assert.InRange(labels.Count, 3, 8);
        Assert.Equal(labels.Count, labels.Distinct().Count());
        var plotted = axis.Plot(gwei);
        Assert.True(plotted > axis.Axis.Min || gwei >= 0);
        Assert.True(plotted < axis.Axis.Max || gwei <= 0);
        Assert.Equal(axis.Axis.Min, axis.Axis.Ticks[0].Value);
        Assert.Equal(axis.Axis.Max, axis.Axis.Ticks[^1].Value);
    }

    private static List<string> Labels(AmountAxis axis) => axis.Axis.Ticks.Select(t => t.Label).ToList();
}
