using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>The <c>payable</c> table: balances exact in wei, every change in one immediate transaction.</summary>
internal sealed class PayableDao(IDbContextFactory<NodeDatabase> databases, TimeProvider time)
{
    public PayableAccount? Get(string walletAddress)
    {
        var wallet = ChainHex.NormalizeWallet(walletAddress);
        using var db = databases.CreateDbContext();
        var row = db.Payables.AsNoTracking().SingleOrDefault(row => row.WalletAddress == wallet);
        return row is null ? null : ToAccount(row);
    }

    public IReadOnlyList<PayableAccount> List()
    {
        using var db = databases.CreateDbContext();
        return db.Payables.AsNoTracking().OrderBy(row => row.WalletAddress).AsEnumerable().Select(ToAccount).ToList();
    }

    /// <summary>Adds one debt; see <see cref="AddDebts"/>.</summary>
    public void AddDebt(string walletAddress, Int128 amountWei) => AddDebts([new WalletAmount(walletAddress, amountWei)]);

    /// <summary>
    /// Adds non-negative debts, all or none. A new creditor's row gets the current time as its timestamp; an
    /// existing row changes only its balance. Zero amounts are ignored.
    /// </summary>
    public void AddDebts(IReadOnlyList<WalletAmount> debts)
    {
        var normalized = BalanceWrites.Normalize(debts);
        using var db = databases.CreateDbContext();
        BalanceWrites.Add(db, "payable", "last_paid_timestamp", normalized, time.GetUtcNow().ToUnixTimeSeconds());
    }

    /// <summary>Flags the creditor as having a payment in flight (the fingerprint's rowid).</summary>
    public void MarkPending(string walletAddress, long pendingPayableRowid)
    {
        var wallet = ChainHex.NormalizeWallet(walletAddress);
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var row = db.Payables.Find(wallet) ?? throw new RowNotFoundException($"No payable for {wallet}");
        row.PendingPayableRowid = pendingPayableRowid;
        db.SaveChanges();
        transaction.Commit();
    }

    /// <summary>
    /// A confirmed payment, in one transaction: the flagged creditor's balance drops by the fingerprint's amount,
    /// its timestamp becomes the send time, the flag is cleared and the fingerprint deleted.
    /// </summary>
    public void ConfirmPayment(long pendingPayableRowid)
    {
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var fingerprint = db.PendingPayables.Find(pendingPayableRowid)
            ?? throw new RowNotFoundException($"No pending payable with rowid {pendingPayableRowid}");
        var payable = db.Payables.SingleOrDefault(row => row.PendingPayableRowid == pendingPayableRowid)
            ?? throw new RowNotFoundException($"No payable is waiting for pending payable {pendingPayableRowid}");
        payable.Balance = checked(payable.Balance - fingerprint.Amount);
        payable.LastPaidTimestamp = fingerprint.PayableTimestamp;
        payable.PendingPayableRowid = null;
        db.PendingPayables.Remove(fingerprint);
        db.SaveChanges();
        transaction.Commit();
    }

    private static PayableAccount ToAccount(PayableRow row) =>
        new(row.WalletAddress, row.Balance, DateTimeOffset.FromUnixTimeSeconds(row.LastPaidTimestamp), row.PendingPayableRowid);
}
