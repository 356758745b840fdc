using Masq.Lib.Configuration;
using Masq.Node.Accounting;

namespace Masq.Node.Tests.Accounting;

/// <summary>The threshold curve, maturity, permanent debt and unban level of spec §2.3–2.4, at their edges.</summary>
public sealed class PaymentCurveTests
{
    private const long Gwei = 1_000_000_000;
    private readonly PaymentCurve _curve = new(PaymentThresholds.Default);

    [Fact]
    public void The_default_slope_is_the_references()
    {
        Assert.Equal(Int128.Parse("-23148148148148", System.Globalization.CultureInfo.InvariantCulture), _curve.SlopeWeiPerSec);
    }

    [Fact]
    public void A_payable_at_or_below_maturity_never_qualifies_however_big()
    {
        Assert.False(_curve.PayableQualifies(Int128.MaxValue / 2, 1_200));
        Assert.False(_curve.PayableQualifies(Int128.MaxValue / 2, 0));
        Assert.True(_curve.PayableQualifies(Int128.MaxValue / 2, 1_201));
    }

    [Fact]
    public void A_payable_at_or_below_the_permanent_allowance_never_qualifies_however_old()
    {
        Assert.False(_curve.PayableQualifies(500_000_000 * (Int128)Gwei, 1_000_000));
        Assert.True(_curve.PayableQualifies((500_000_000 * (Int128)Gwei) + 1, 1_000_000));
    }

    [Fact]
    public void Just_past_maturity_the_limit_is_the_debt_threshold_less_one_second_of_slope()
    {
        var limit = (1_000_000_000 * (Int128)Gwei) + _curve.SlopeWeiPerSec;

        Assert.Equal(limit, _curve.PayableLimit(1_201));
        Assert.False(_curve.PayableQualifies(limit, 1_201));
        Assert.True(_curve.PayableQualifies(limit + 1, 1_201));
    }

    [Fact]
    public void The_limit_falls_linearly_to_the_permanent_allowance_at_the_end_of_the_interval()
    {
        var halfway = 1_200 + (21_600 / 2);
        Assert.Equal((1_000_000_000 * (Int128)Gwei) + (_curve.SlopeWeiPerSec * (21_600 / 2)), _curve.PayableLimit(halfway));
        // Truncating the slope leaves the line a little above the allowance at the end of the interval.
        Assert.True(_curve.PayableLimit(1_200 + 21_600) >= 500_000_000 * (Int128)Gwei);
        Assert.Equal(500_000_000 * (Int128)Gwei, _curve.PayableLimit(1_200 + 21_600 + 1));
    }

    [Fact]
    public void A_debtor_is_delinquent_only_past_maturity_plus_grace_and_above_the_shifted_line()
    {
        const long now = 10_000_000;
        var cutoff = now - 1_200 - 1_200;
        var balance = 900_000_000 * (Int128)Gwei;

        Assert.False(_curve.IsNewDelinquent(balance, cutoff, now));
        // One second past the cutoff, 0.9 MASQ is still under the line (1 MASQ less one second of slope).
        Assert.False(_curve.IsNewDelinquent(balance, cutoff - 1, now));
        // Far past it, the line has reached the allowance: 0.9 MASQ is delinquent; the allowance itself is not.
        Assert.True(_curve.IsNewDelinquent(balance, cutoff - 30_000, now));
        Assert.False(_curve.IsNewDelinquent(500_000_000 * (Int128)Gwei, cutoff - 30_000, now));
    }

    [Fact]
    public void A_debtor_is_unbanned_at_or_below_the_unban_level()
    {
        Assert.True(_curve.ShouldUnban(500_000_000 * (Int128)Gwei));
        Assert.True(_curve.ShouldUnban(-5));
        Assert.False(_curve.ShouldUnban((500_000_000 * (Int128)Gwei) + 1));
    }

    [Theory]
    [InlineData(0UL, 0L, 0L, "0")]
    [InlineData(107_688UL, 107_688UL, 1_000L, "107795688")]
    [InlineData(ulong.MaxValue, ulong.MaxValue, long.MaxValue, "170141183460469231722463931679029329920")]
    public void A_charge_is_the_service_rate_plus_the_byte_rate_times_the_size_exactly(ulong service, ulong perByte, long size, string expected)
    {
        Assert.Equal(Int128.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ServiceCharge.Of(service, perByte, size));
    }

    [Fact]
    public void A_negative_size_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceCharge.Of(1, 1, -1));
}
