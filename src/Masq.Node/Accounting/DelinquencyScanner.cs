using System.Globalization;
using Masq.Lib.Blockchains;
using Masq.Node.Persistence;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Accounting;

/// <summary>
/// Bans new delinquent debtors and unbans those who paid down (spec §2.4), at the start of each receivable scan,
/// before the chain is asked about payments.
/// </summary>
internal sealed partial class DelinquencyScanner(
    ReceivableDao receivables,
    BannedWallets banned,
    PaymentCurve curve,
    TimeProvider time,
    ILogger<DelinquencyScanner> logger)
{
    public DelinquencyChanges Scan()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var newlyBanned = new List<WalletAddress>();
        var unbanned = new List<WalletAddress>();
        foreach (var account in receivables.List())
        {
            var wallet = WalletAddress.Parse(account.WalletAddress);
            if (banned.IsBanned(wallet))
            {
                if (curve.ShouldUnban(account.BalanceWei) && banned.Unban(wallet))
                {
                    unbanned.Add(wallet);
                    LogUnbanned(wallet.ToString(), account.BalanceWei.ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (curve.IsNewDelinquent(account.BalanceWei, account.LastReceivedTimestamp.ToUnixTimeSeconds(), now))
            {
                banned.Ban(wallet);
                newlyBanned.Add(wallet);
                LogBanned(wallet.ToString(), account.BalanceWei.ToString(CultureInfo.InvariantCulture), now - account.LastReceivedTimestamp.ToUnixTimeSeconds());
            }
        }

        return new DelinquencyChanges(newlyBanned, unbanned);
    }

    [LoggerMessage(EventId = AccountingEventIds.Banned, Level = LogLevel.Information, Message = "Wallet {Wallet} was banned for delinquency: it owes {BalanceWei} wei, last paid {AgeSec} s ago")]
    private partial void LogBanned(string wallet, string balanceWei, long ageSec);

    [LoggerMessage(EventId = AccountingEventIds.Unbanned, Level = LogLevel.Information, Message = "Wallet {Wallet} was unbanned: it now owes {BalanceWei} wei")]
    private partial void LogUnbanned(string wallet, string balanceWei);
}
