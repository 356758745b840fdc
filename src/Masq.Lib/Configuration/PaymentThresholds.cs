using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Masq.Lib.Configuration;

/// <summary>
/// The debt policy. Text form (the order of the stored value)
/// <c>debtGwei|maturitySec|graceSec|permanentDebtGwei|intervalSec|unbanBelowGwei</c>.
/// </summary>
/// <param name="DebtThresholdGwei">Where the falling payment curve starts.</param>
/// <param name="MaturityThresholdSec">A payable younger than this is never paid.</param>
/// <param name="PaymentGracePeriodSec">Extra time before a debtor can be banned.</param>
/// <param name="PermanentDebtAllowedGwei">Balances at or below this are never paid and never cause a ban.</param>
/// <param name="ThresholdIntervalSec">Time over which the limit falls from the debt threshold to the permanent allowance.</param>
/// <param name="UnbanBelowGwei">A banned debtor is unbanned at or below this balance.</param>
public sealed record PaymentThresholds(
    ulong DebtThresholdGwei,
    ulong MaturityThresholdSec,
    ulong PaymentGracePeriodSec,
    ulong PermanentDebtAllowedGwei,
    ulong ThresholdIntervalSec,
    ulong UnbanBelowGwei)
{
    public const ulong MaxThresholdIntervalSec = 1_000_000_000;

    private static readonly string[] FieldNames =
        ["debtGwei", "maturitySec", "graceSec", "permanentDebtGwei", "intervalSec", "unbanBelowGwei"];

    public static PaymentThresholds Default { get; } = new(1_000_000_000, 1_200, 1_200, 500_000_000, 21_600, 500_000_000);

    /// <summary>Parses and checks the thresholds; all failed checks are reported together.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PaymentThresholds? thresholds, [NotNullWhen(false)] out string? error)
    {
        thresholds = null;
        if (!PipeSeparatedNumbers.TryParse(text, FieldNames, out var v, out error))
        {
            return false;
        }

        var candidate = new PaymentThresholds(v[0], v[1], v[2], v[3], v[4], v[5]);
        var problems = new List<string>();
        if (candidate.DebtThresholdGwei <= candidate.PermanentDebtAllowedGwei)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the debt threshold ({candidate.DebtThresholdGwei} gwei) must be greater than the permanent debt allowed ({candidate.PermanentDebtAllowedGwei} gwei)"));
        }

        // Zero would divide by zero in the slope of the payment curve.
        if (candidate.ThresholdIntervalSec is 0 or > MaxThresholdIntervalSec)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the threshold interval ({candidate.ThresholdIntervalSec} s) must be from 1 to {MaxThresholdIntervalSec} seconds"));
        }

        if (problems.Count > 0)
        {
            error = $"Invalid value '{text}': {string.Join("; ", problems)}";
            return false;
        }

        thresholds = candidate;
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{DebtThresholdGwei}|{MaturityThresholdSec}|{PaymentGracePeriodSec}|{PermanentDebtAllowedGwei}|{ThresholdIntervalSec}|{UnbanBelowGwei}");
}
