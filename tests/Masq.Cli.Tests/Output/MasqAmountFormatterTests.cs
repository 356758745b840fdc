using System.Numerics;
using Masq.Cli.Output;

namespace Masq.Cli.Tests.Output;

public sealed class MasqAmountFormatterTests
{
    [Theory]
    [InlineData(987654321987654L, "987,654.32")]
    [InlineData(-1234567891234L, "-1,234.56")]
    [InlineData(1_166_880_215L, "1.16")]
    [InlineData(78_455_555L, "0.07")]
    [InlineData(-55_000_400L, "-0.05")]
    [InlineData(1_278_766_555_456L, "1,278.76")]
    [InlineData(1_999_999_999L, "1.99")]
    [InlineData(10_000_000L, "0.01")]
    [InlineData(9_999_999L, "< 0.01")]
    [InlineData(1L, "< 0.01")]
    [InlineData(-9_999_999L, "-0.01 < x < 0")]
    [InlineData(0L, "0.00")]
    [InlineData(long.MaxValue, "9,223,372,036.85")]
    public void Masq_amounts_have_two_truncated_decimals(long gwei, string expected)
    {
        Assert.Equal(expected, MasqAmountFormatter.ToMasq(gwei));
    }

    [Fact]
    public void Amounts_beyond_64_bits_are_formatted()
    {
        Assert.Equal("18,446,744,073.70", MasqAmountFormatter.ToMasq(ulong.MaxValue));
        Assert.Equal("18,446,744,073,709,551,615", MasqAmountFormatter.ToGwei(ulong.MaxValue));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(665557L, "665,557")]
    [InlineData(-328123256546L, "-328,123,256,546")]
    public void Gwei_amounts_have_thousands_commas(long gwei, string expected)
    {
        Assert.Equal(expected, MasqAmountFormatter.Format(new BigInteger(gwei), asGwei: true));
    }
}
