using Masq.Dashboard.Model;

namespace Masq.Dashboard.Tests.Model;

public sealed class RangeQueryTextTests
{
    [Fact]
    public void Payable_range_converts_masq_to_gwei()
    {
        Assert.True(RangeQueryText.TryParsePayable("0-350000|0.005-9", out var query, out var error), error);

        Assert.Equal(0UL, query.MinAgeS);
        Assert.Equal(350_000UL, query.MaxAgeS);
        Assert.Equal(5_000_000UL, query.MinAmountGwei);
        Assert.Equal(9_000_000_000UL, query.MaxAmountGwei);
    }

    [Fact]
    public void Missing_maximums_are_unlimited()
    {
        Assert.True(RangeQueryText.TryParseReceivable("100-|-5-", out var query, out var error), error);

        Assert.Equal((ulong)long.MaxValue, query.MaxAgeS);
        Assert.Equal(-5_000_000_000L, query.MinAmountGwei);
        Assert.Equal(long.MaxValue, query.MaxAmountGwei);
        Assert.Equal("100-UNLIMITED sec -5-UNLIMITED MASQ", RangeQueryText.Describe(query.MinAgeS, query.MaxAgeS, query.MinAmountGwei, query.MaxAmountGwei));
    }

    [Fact]
    public void Receivable_accepts_negative_ranges()
    {
        Assert.True(RangeQueryText.TryParseReceivable("0-10|-9--1.5", out var query, out var error), error);

        Assert.Equal(-9_000_000_000L, query.MinAmountGwei);
        Assert.Equal(-1_500_000_000L, query.MaxAmountGwei);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0-10")]
    [InlineData("a-b|1-2")]
    [InlineData("10-5|1-2")]
    [InlineData("0-10|2-1")]
    [InlineData("0-10|0.0000000001-1")]
    [InlineData("0-10|-1-2")]
    [InlineData("0-10|99999999999999999999-")]
    [InlineData("0-10|9999999999999999999999999999-")]
    public void Bad_payable_ranges_say_why(string text)
    {
        Assert.False(RangeQueryText.TryParsePayable(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
