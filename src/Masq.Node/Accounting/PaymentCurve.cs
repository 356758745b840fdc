using Masq.Lib.Configuration;

namespace Masq.Node.Accounting;

/// <summary>
/// The debt policy of spec §2.3–2.4 in exact wei: when a payable must be paid and when a debtor is delinquent. The
/// limit falls linearly from the debt threshold (at maturity) to the permanent allowance (after the threshold
/// interval); debtors get the same line shifted later by the grace period, so a compliant Node pays before it can
/// be banned.
/// </summary>
internal sealed class PaymentCurve
{
    private const long WeiPerGwei = 1_000_000_000;

    public PaymentCurve(PaymentThresholds thresholds)
    {
        Thresholds = thresholds;
        DebtThresholdWei = (Int128)thresholds.DebtThresholdGwei * WeiPerGwei;
        PermanentDebtAllowedWei = (Int128)thresholds.PermanentDebtAllowedGwei * WeiPerGwei;
        UnbanBelowWei = (Int128)thresholds.UnbanBelowGwei * WeiPerGwei;
        MaturitySec = (long)thresholds.MaturityThresholdSec;
        GraceSec = (long)thresholds.PaymentGracePeriodSec;
        IntervalSec = (long)thresholds.ThresholdIntervalSec;
        // Integer wei per second, truncated toward zero (the default is −23,148,148,148,148).
        SlopeWeiPerSec = (PermanentDebtAllowedWei - DebtThresholdWei) / IntervalSec;
    }

    public PaymentThresholds Thresholds { get; }

    public Int128 DebtThresholdWei { get; }

    public Int128 PermanentDebtAllowedWei { get; }

    public Int128 UnbanBelowWei { get; }

    public Int128 SlopeWeiPerSec { get; }

    public long MaturitySec { get; }

    public long GraceSec { get; }

    public long IntervalSec { get; }

    /// <summary>
    /// Whether a payable (not in flight) must be paid now: older than maturity, above the permanent allowance, and
    /// above the falling limit. The whole balance is then paid.
    /// </summary>
    public bool PayableQualifies(Int128 balanceWei, long ageSec)
    {
        if (ageSec <= MaturitySec || balanceWei <= PermanentDebtAllowedWei)
        {
            return false;
        }

        return balanceWei > PayableLimit(ageSec);
    }

    /// <summary>The limit for a payable of this age (past maturity).</summary>
    public Int128 PayableLimit(long ageSec) =>
        ageSec > MaturitySec + IntervalSec
            ? PermanentDebtAllowedWei
            : DebtThresholdWei + (SlopeWeiPerSec * (ageSec - MaturitySec));

    /// <summary>
    /// Whether a debtor who is not banned yet should be: its last payment (or first debt) is older than maturity plus
    /// grace, and its balance is above both the shifted falling line and the permanent allowance.
    /// </summary>
    public bool IsNewDelinquent(Int128 balanceWei, long lastReceivedUnixSec, long nowUnixSec)
    {
        var cutoff = nowUnixSec - MaturitySec - GraceSec;
        if (lastReceivedUnixSec >= cutoff || balanceWei <= PermanentDebtAllowedWei)
        {
            return false;
        }

        return balanceWei > DebtThresholdWei + (SlopeWeiPerSec * (cutoff - lastReceivedUnixSec));
    }

    /// <summary>A banned debtor is unbanned once its balance is at or below the unban level.</summary>
    public bool ShouldUnban(Int128 balanceWei) => balanceWei <= UnbanBelowWei;
}
