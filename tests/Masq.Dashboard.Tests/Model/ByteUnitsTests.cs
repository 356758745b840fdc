using Masq.Dashboard.Model;

namespace Masq.Dashboard.Tests.Model;

/// <summary>Amounts and rates of bytes are written in one set of binary units on every page and chart.</summary>
public sealed class ByteUnitsTests
{
    [Theory]
    [InlineData(0d, "B", 1d)]
    [InlineData(1023d, "B", 1d)]
    [InlineData(1024d, "KiB", 1024d)]
    [InlineData(5d * 1024 * 1024, "MiB", 1024d * 1024)]
    [InlineData(3d * 1024 * 1024 * 1024, "GiB", 1024d * 1024 * 1024)]
    [InlineData(4.6e12, "TiB", 1024d * 1024 * 1024 * 1024)]
    public void The_unit_is_the_largest_binary_one_the_amount_reaches(double bytes, string unit, double perUnit) =>
        Assert.Equal((unit, perUnit), Amounts.BinaryUnit(bytes));

    [Theory]
    [InlineData(512d, "512 B/s")]
    [InlineData(3072d, "3.0 KiB/s")]
    [InlineData(1.5 * 1024 * 1024, "1.5 MiB/s")]
    public void Rates_are_bytes_per_second_in_that_unit(double bytesPerSecond, string expected) =>
        Assert.Equal(expected, Amounts.ByteRate(bytesPerSecond));

    [Fact]
    public void A_rate_axis_uses_the_unit_of_its_largest_rate_and_plots_in_it()
    {
        var axis = ByteRateAxis.For([0, 512 * 1024, 2.5 * 1024 * 1024]);

        Assert.Equal("MiB/s", axis.Unit);
        Assert.Equal(1024d * 1024, axis.BytesPerUnit);
        Assert.Equal(2.5, axis.Plot(2.5 * 1024 * 1024));
        Assert.Equal(0, axis.Axis.Min);
        Assert.True(axis.Axis.Max > 2.5, $"max {axis.Axis.Max}");
        Assert.Equal(["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"], axis.Axis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void A_rate_axis_of_small_rates_stays_in_whole_bytes()
    {
        var axis = ByteRateAxis.For([0, 3]);

        Assert.Equal("B/s", axis.Unit);
        Assert.Equal(["0", "1", "2", "3", "4"], axis.Axis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void A_rate_axis_of_nothing_but_zeros_still_has_a_range()
    {
        var axis = ByteRateAxis.For([0, 0]);

        Assert.Equal("B/s", axis.Unit);
        Assert.True(axis.Axis.Max > 0);
    }
}
