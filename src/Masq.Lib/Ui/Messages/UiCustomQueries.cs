namespace Masq.Lib.Ui.Messages;

public sealed record UiCustomQueries(UiRangeQuery<ulong>? PayableOpt = null, UiRangeQuery<long>? ReceivableOpt = null);
