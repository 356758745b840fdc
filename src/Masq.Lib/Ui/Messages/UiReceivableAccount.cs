namespace Masq.Lib.Ui.Messages;

/// <param name="BalanceWeiOpt">The exact balance as a decimal string (a Masq extension).</param>
public sealed record UiReceivableAccount(string Wallet, ulong AgeS, long BalanceGwei, string? BalanceWeiOpt = null);
