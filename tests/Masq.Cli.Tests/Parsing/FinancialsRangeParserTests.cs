using Masq.Cli.Commands;

namespace Masq.Cli.Tests.Parsing;

public sealed class FinancialsRangeParserTests
{
    [Theory]
    [InlineData("0-350000|0.005-9", 0UL, 350000UL, 5_000_000L, 9_000_000_000L, "0-350000 sec 0.005-9 MASQ")]
    [InlineData("200-450|480000-15800008", 200UL, 450UL, 480_000_000_000_000L, 15_800_008_000_000_000L, "200-450 sec 480000-15800008 MASQ")]
    [InlineData("1-2|0.000000001 - 0.000000002", 1UL, 2UL, 1L, 2L, "1-2 sec 0.000000001-0.000000002 MASQ")]
    [InlineData("1-2|-1.5--0.25", 1UL, 2UL, -1_500_000_000L, -250_000_000L, "1-2 sec -1.5--0.25 MASQ")]
    [InlineData("1-2|0", 1UL, 2UL, 0L, long.MaxValue, "1-2 sec 0-UNLIMITED MASQ")]
    [InlineData("1-2|-00.0-37500000", 1UL, 2UL, 0L, 37_500_000_000_000_000L, "1-2 sec 0-37500000 MASQ")]
    public void Valid_ranges(string text, ulong minAge, ulong maxAge, long minGwei, long maxGwei, string description)
    {
        Assert.True(FinancialsRangeParser.TryParse(text, out var range, out var error), error);

        Assert.Equal(new FinancialsRange(minAge, maxAge, minGwei, maxGwei, description), range);
    }

    [Theory]
    [InlineData("1-2", "Vertical delimiter |")]
    [InlineData("1-2|3-4|5", "Vertical delimiter |")]
    [InlineData("1|3-4", "Age range '1' is formatted wrong")]
    [InlineData("a-2|3-4", "Age 'a' is not a whole number")]
    [InlineData("-1-2|3-4", "Age range '-1-2' is formatted wrong")]
    [InlineData("2-2|3-4", "must be low to high")]
    [InlineData("5-2|3-4", "must be low to high")]
    [InlineData("1-2|4-3", "must be low to high")]
    [InlineData("1-2|3-3", "must be low to high")]
    [InlineData("1-2|3.-4", "Ending dot at decimal number, like here '3.', is unsupported")]
    [InlineData("1-2|3..1-4", "Ending dot")]
    [InlineData("1-2|.5-4", "in improper format")]
    [InlineData("1-2|3-4x", "in improper format")]
    [InlineData("1-2|3-", "in improper format")]
    [InlineData("1-2|", "in improper format")]
    [InlineData("1-2|0.0000000001-1", "exceeds the limit of maximally nine decimal digits")]
    [InlineData("1-2|1-37500000.000000001", "Amount bigger than the MASQ total supply")]
    [InlineData("1-2|-99999999999999999999999-1", "Amount bigger than the MASQ total supply")]
    [InlineData("1-99999999999999999999|1-2", "Age '99999999999999999999' is not a whole number")]
    public void Invalid_ranges_are_explained(string text, string expected)
    {
        Assert.False(FinancialsRangeParser.TryParse(text, out var range, out var error));

        Assert.Null(range);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_input_never_throws_and_every_accepted_range_is_low_to_high()
    {
        var random = new Random(350000);
        const string alphabet = "0123456789-|. x";
        for (var i = 0; i < 50000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 28)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var ok = FinancialsRangeParser.TryParse(text, out var range, out var error);

            if (ok)
            {
                Assert.True(range!.MinAgeS < range.MaxAgeS, text);
                Assert.True(range.MinGwei < range.MaxGwei, text);
                Assert.True(Math.Abs(range.MinGwei) <= FinancialsRangeParser.MasqTotalSupply * 1_000_000_000L, text);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error), text);
            }
        }
    }

    [Fact]
    public void Random_well_formed_ranges_round_trip_through_gwei()
    {
        var random = new Random(9);
        for (var i = 0; i < 5000; i++)
        {
            var minAge = (ulong)random.Next(0, 1000);
            var maxAge = minAge + 1 + (ulong)random.Next(0, 1000);
            var low = random.NextInt64(-1_000_000_000_000_000, 1_000_000_000_000_000);
            var high = low + 1 + random.NextInt64(0, 1_000_000_000_000_000);
            var text = $"{minAge}-{maxAge}|{Masq(low)}-{Masq(high)}";

            Assert.True(FinancialsRangeParser.TryParse(text, out var range, out var error), $"{text}: {error}");

            Assert.Equal(low, range!.MinGwei);
            Assert.Equal(high, range.MaxGwei);
        }

        static string Masq(long gwei) =>
            (gwei < 0 ? "-" : string.Empty) + (Math.Abs(gwei) / 1_000_000_000) + "." + (Math.Abs(gwei) % 1_000_000_000).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
