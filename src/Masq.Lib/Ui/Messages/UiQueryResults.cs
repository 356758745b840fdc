namespace Masq.Lib.Ui.Messages;

public sealed record UiQueryResults(IReadOnlyList<UiPayableAccount>? PayableOpt = null, IReadOnlyList<UiReceivableAccount>? ReceivableOpt = null);
