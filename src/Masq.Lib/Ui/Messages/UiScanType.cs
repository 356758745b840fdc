namespace Masq.Lib.Ui.Messages;

public enum UiScanType
{
    Payables,
    Receivables,
    PendingPayables,
}
