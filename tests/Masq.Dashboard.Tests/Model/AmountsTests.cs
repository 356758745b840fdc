using Masq.Dashboard.Model;

namespace Masq.Dashboard.Tests.Model;

public sealed class AmountsTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1_000_000_000L, "1.00")]
    [InlineData(1_234_567_891_234L, "1,234.56")]
    [InlineData(9_999_999L, "< 0.01")]
    [InlineData(10_000_000L, "0.01")]
    [InlineData(-9_999_999L, "-0.01 < x < 0")]
    [InlineData(-1_239_000_000L, "-1.23")]
    public void Masq_is_truncated_to_two_decimals_with_commas(long gwei, string expected) =>
        Assert.Equal(expected, Amounts.Masq(gwei));

    [Fact]
    public void Huge_unsigned_amounts_are_shown_exactly()
    {
        Assert.Equal("18,446,744,073.70", Amounts.Masq(ulong.MaxValue));
        Assert.Equal("18,446,744,073,709,551,615", Amounts.Gwei(ulong.MaxValue));
    }

    [Theory]
    [InlineData(5UL, "5 s")]
    [InlineData(65UL, "1 min 5 s")]
    [InlineData(7_260UL, "2 h 1 min")]
    [InlineData(180_000UL, "2 d 2 h")]
    public void Ages_read_naturally(ulong seconds, string expected) => Assert.Equal(expected, Amounts.Age(seconds));

    [Theory]
    [InlineData(512d, "512 B")]
    [InlineData(2048d, "2.0 KiB")]
    [InlineData(5_242_880d, "5.0 MiB")]
    public void Bytes_use_binary_units(double bytes, string expected) => Assert.Equal(expected, Amounts.Bytes(bytes));
}
