namespace Masq.Lib.Ui.Messages;

public sealed record UiScanIntervals(ulong PendingPayableSec, ulong PayableSec, ulong ReceivableSec);
