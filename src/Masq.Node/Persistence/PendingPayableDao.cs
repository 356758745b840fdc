using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>The <c>pending_payable</c> table: one fingerprint per sent payment transaction.</summary>
internal sealed class PendingPayableDao(IDbContextFactory<NodeDatabase> databases)
{
    public const string FailureMark = "ERROR";
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Records a sent transaction with attempt 1; returns its rowid.</summary>
    public long Insert(string transactionHash, Int128 amountWei, DateTimeOffset sentAt)
    {
        var hash = ChainHex.NormalizeTransactionHash(transactionHash);
        if (amountWei <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountWei), amountWei, "A payment must be positive.");
        }

        using var db = databases.CreateDbContext();
        var row = new PendingPayableRow
        {
            TransactionHash = hash,
            Amount = amountWei,
            PayableTimestamp = sentAt.ToUnixTimeSeconds(),
            Attempt = 1,
        };
        db.PendingPayables.Add(row);
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique })
        {
            throw new DuplicateTransactionHashException(hash, e);
        }

        return row.Rowid;
    }

    public PendingPayableFingerprint? Get(long rowid)
    {
        using var db = databases.CreateDbContext();
        var row = db.PendingPayables.AsNoTracking().SingleOrDefault(row => row.Rowid == rowid);
        return row is null ? null : ToFingerprint(row);
    }

    public PendingPayableFingerprint? FindByHash(string transactionHash)
    {
        var hash = ChainHex.NormalizeTransactionHash(transactionHash);
        using var db = databases.CreateDbContext();
        var row = db.PendingPayables.AsNoTracking().SingleOrDefault(row => row.TransactionHash == hash);
        return row is null ? null : ToFingerprint(row);
    }

    /// <summary>Fingerprints whose receipt is still awaited (no process error), oldest first.</summary>
    public IReadOnlyList<PendingPayableFingerprint> ListUnresolved()
    {
        using var db = databases.CreateDbContext();
        return db.PendingPayables.AsNoTracking()
            .Where(row => row.ProcessError == null)
            .OrderBy(row => row.Rowid)
            .AsEnumerable()
            .Select(ToFingerprint)
            .ToList();
    }

    public void IncrementAttempt(long rowid) => Update(rowid, row => row.Attempt++);

    /// <summary>The chain reported the transaction as failed.</summary>
    public void MarkFailure(long rowid) => Update(rowid, row => row.ProcessError = FailureMark);

    /// <summary>Deletes a fingerprint (a send that failed); false when there was none.</summary>
    public bool Delete(long rowid)
    {
        using var db = databases.CreateDbContext();
        return db.PendingPayables.Where(row => row.Rowid == rowid).ExecuteDelete() == 1;
    }

    private void Update(long rowid, Action<PendingPayableRow> change)
    {
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var row = db.PendingPayables.Find(rowid) ?? throw new RowNotFoundException($"No pending payable with rowid {rowid}");
        change(row);
        db.SaveChanges();
        transaction.Commit();
    }

    private static PendingPayableFingerprint ToFingerprint(PendingPayableRow row) =>
        new(row.Rowid, row.TransactionHash, row.Amount, DateTimeOffset.FromUnixTimeSeconds(row.PayableTimestamp), row.Attempt, row.ProcessError);
}
