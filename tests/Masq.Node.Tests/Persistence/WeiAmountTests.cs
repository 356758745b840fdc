using System.Numerics;
using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class WeiAmountTests
{
    private static readonly Int128 TwoTo63 = (Int128)long.MaxValue + 1;

    public static TheoryData<string, long, long> Edges => new()
    {
        { "0", 0, 0 },
        { "1", 0, 1 },
        { "-1", -1, long.MaxValue },
        { "9223372036854775806", 0, long.MaxValue - 1 },          // 2^63 - 2
        { "9223372036854775807", 0, long.MaxValue },              // 2^63 - 1
        { "9223372036854775808", 1, 0 },                          // 2^63
        { "9223372036854775809", 1, 1 },                          // 2^63 + 1
        { "-9223372036854775807", -1, 1 },                        // -(2^63 - 1)
        { "-9223372036854775808", -1, 0 },                        // -2^63
        { "-9223372036854775809", -2, long.MaxValue },            // -2^63 - 1
        { "18446744073709551615", 1, long.MaxValue },             // 2^64 - 1
        { "18446744073709551616", 2, 0 },                         // 2^64
        { "1000000000000000000", 0, 1000000000000000000 },        // 1 MASQ
        { "85070591730234615865843651857942052863", long.MaxValue, long.MaxValue },   // 2^126 - 1
        { "-85070591730234615865843651857942052864", long.MinValue, 0 },             // -2^126
        { "-85070591730234615865843651857942052863", long.MinValue, 1 },             // -2^126 + 1
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Splits_and_joins_edge_values(string decimalValue, long expectedHigh, long expectedLow)
    {
        var value = Int128.Parse(decimalValue, System.Globalization.CultureInfo.InvariantCulture);

        var (high, low) = WeiAmount.Split(value);

        Assert.Equal(expectedHigh, high);
        Assert.Equal(expectedLow, low);
        Assert.Equal(value, WeiAmount.Join(high, low));
        Assert.Equal((BigInteger)value, ((BigInteger)high * (BigInteger)TwoTo63) + low);
    }

    [Fact]
    public void Bounds_are_minus_and_plus_two_to_the_126()
    {
        Assert.Equal(-(BigInteger.One << 126), (BigInteger)WeiAmount.MinValue);
        Assert.Equal((BigInteger.One << 126) - 1, (BigInteger)WeiAmount.MaxValue);
        Assert.Equal(WeiAmount.MaxValue, WeiAmount.Join(long.MaxValue, long.MaxValue));
        Assert.Equal(WeiAmount.MinValue, WeiAmount.Join(long.MinValue, 0));
    }

    [Theory]
    [InlineData("85070591730234615865843651857942052864")]    // 2^126
    [InlineData("-85070591730234615865843651857942052865")]   // -2^126 - 1
    [InlineData("170141183460469231731687303715884105727")]   // Int128.MaxValue
    [InlineData("-170141183460469231731687303715884105728")]  // Int128.MinValue
    public void Values_outside_the_storable_range_are_refused(string decimalValue)
    {
        var value = Int128.Parse(decimalValue, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<ArgumentOutOfRangeException>(() => WeiAmount.Split(value));
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(5, long.MinValue)]
    public void A_negative_low_part_is_refused(long high, long low)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeiAmount.Join(high, low));
    }

    [Fact]
    public void Random_values_round_trip_with_low_in_range()
    {
        var random = new Random(20240611);
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(bytes);
            // Random magnitude: shift a random 128-bit value right by 2..127 bits so small and large values both occur.
            var value = BitConverter.ToInt128(bytes) >> random.Next(2, 128);

            var (high, low) = WeiAmount.Split(value);

            Assert.InRange(low, 0, long.MaxValue);
            Assert.Equal(value >> 63, high);
            Assert.Equal(value, WeiAmount.Join(high, low));
        }
    }

    [Fact]
    public void Column_arithmetic_matches_int128_arithmetic()
    {
        // Adding the columns separately and carrying from low to high gives the same result as adding the values.
        var a = (Int128)long.MaxValue * 3 + 17;
        var b = (Int128)long.MaxValue - 5;
        var (ah, al) = WeiAmount.Split(a);
        var (bh, bl) = WeiAmount.Split(b);
        var lowSum = (Int128)al + bl;
        var carry = (long)(lowSum >> 63);

        var sum = WeiAmount.Join(ah + bh + carry, (long)(lowSum & long.MaxValue));

        Assert.Equal(a + b, sum);
    }
}
