namespace Masq.Lib.Ui.Messages;

public sealed record UiReceivableAccount(string Wallet, ulong AgeS, long BalanceGwei);
