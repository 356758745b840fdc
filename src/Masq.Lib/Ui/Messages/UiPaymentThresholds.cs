namespace Masq.Lib.Ui.Messages;

public sealed record UiPaymentThresholds(
    ulong ThresholdIntervalSec,
    ulong DebtThresholdGwei,
    ulong PaymentGracePeriodSec,
    ulong MaturityThresholdSec,
    ulong PermanentDebtAllowedGwei,
    ulong UnbanBelowGwei);
