using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>
/// The changes that touch <c>payable</c> and <c>pending_payable</c> together, each in one transaction, so a payment
/// is never half-recorded: fingerprints and the creditors' in-flight flags are written before the transactions are
/// sent, and undone together when a send fails.
/// </summary>
internal sealed class PaymentDao(IDbContextFactory<NodeDatabase> databases)
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// Inserts one fingerprint (attempt 1) per payment and flags each creditor with it, all or none. Returns the
    /// fingerprints' rowids in the order of <paramref name="payments"/>. A creditor with no row, or one already
    /// flagged, is a <see cref="RowNotFoundException"/>; a known hash a <see cref="DuplicateTransactionHashException"/>.
    /// </summary>
    public IReadOnlyList<long> RecordSentPayments(IReadOnlyList<SentPayment> payments, DateTimeOffset sentAt)
    {
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var rows = new List<(PendingPayableRow Fingerprint, PayableRow Payable)>(payments.Count);
        foreach (var payment in payments)
        {
            if (payment.AmountWei <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(payments), payment.AmountWei, "A payment must be positive.");
            }

            var wallet = ChainHex.NormalizeWallet(payment.WalletAddress);
            var payable = db.Payables.Find(wallet) ?? throw new RowNotFoundException($"No payable for {wallet}");
            if (payable.PendingPayableRowid is not null)
            {
                throw new RowNotFoundException($"The payable for {wallet} already has a payment in flight");
            }

            var fingerprint = new PendingPayableRow
            {
                TransactionHash = ChainHex.NormalizeTransactionHash(payment.TransactionHash),
                Amount = payment.AmountWei,
                PayableTimestamp = sentAt.ToUnixTimeSeconds(),
                Attempt = 1,
            };
            db.PendingPayables.Add(fingerprint);
            rows.Add((fingerprint, payable));
        }

        SaveChanges(db);
        foreach (var (fingerprint, payable) in rows)
        {
            payable.PendingPayableRowid = fingerprint.Rowid;
        }

        SaveChanges(db);
        transaction.Commit();
        return rows.Select(row => row.Fingerprint.Rowid).ToList();
    }

    /// <summary>A send failed: deletes the fingerprint and clears its creditor's flag together.</summary>
    public void CancelSentPayment(long rowid)
    {
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        foreach (var payable in db.Payables.Where(row => row.PendingPayableRowid == rowid))
        {
            payable.PendingPayableRowid = null;
        }

        if (db.PendingPayables.Find(rowid) is { } fingerprint)
        {
            db.PendingPayables.Remove(fingerprint);
        }

        db.SaveChanges();
        transaction.Commit();
    }

    /// <summary>
    /// A transaction pending too long was replaced (same nonce, higher gas price): the fingerprint takes the new hash,
    /// counts one more attempt and restarts its clock.
    /// </summary>
    public void ReplaceTransaction(long rowid, string newTransactionHash, DateTimeOffset sentAt)
    {
        var hash = ChainHex.NormalizeTransactionHash(newTransactionHash);
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var row = db.PendingPayables.Find(rowid) ?? throw new RowNotFoundException($"No pending payable with rowid {rowid}");
        row.TransactionHash = hash;
        row.Attempt++;
        row.PayableTimestamp = sentAt.ToUnixTimeSeconds();
        SaveChanges(db);
        transaction.Commit();
    }

    /// <summary>The creditor whose payment the fingerprint records, or null.</summary>
    public PayableAccount? PayableAwaiting(long rowid)
    {
        using var db = databases.CreateDbContext();
        var row = db.Payables.AsNoTracking().SingleOrDefault(row => row.PendingPayableRowid == rowid);
        return row is null
            ? null
            : new PayableAccount(row.WalletAddress, row.Balance, DateTimeOffset.FromUnixTimeSeconds(row.LastPaidTimestamp), row.PendingPayableRowid);
    }

    /// <summary>Every fingerprint's hash by rowid (for the financials listing).</summary>
    public IReadOnlyDictionary<long, string> TransactionHashes()
    {
        using var db = databases.CreateDbContext();
        return db.PendingPayables.AsNoTracking().ToDictionary(row => row.Rowid, row => row.TransactionHash);
    }

    private static void SaveChanges(NodeDatabase db)
    {
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique })
        {
            throw new DuplicateTransactionHashException("(one of the batch)", e);
        }
    }
}
