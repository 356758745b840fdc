namespace Masq.Lib.Ui.Messages;

/// <param name="BalanceWeiOpt">The exact balance as a decimal string (a Masq extension).</param>
public sealed record UiPayableAccount(string Wallet, ulong AgeS, ulong BalanceGwei, string? PendingPayableHashOpt = null, string? BalanceWeiOpt = null);
