namespace Masq.Lib.Ui.Messages;

public sealed record UiPayableAccount(string Wallet, ulong AgeS, ulong BalanceGwei, string? PendingPayableHashOpt = null);
