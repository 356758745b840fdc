using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>The <c>receivable</c> table: balances exact in wei, every change in one immediate transaction.</summary>
internal sealed class ReceivableDao(IDbContextFactory<NodeDatabase> databases, TimeProvider time)
{
    public ReceivableAccount? Get(string walletAddress)
    {
        var wallet = ChainHex.NormalizeWallet(walletAddress);
        using var db = databases.CreateDbContext();
        var row = db.Receivables.AsNoTracking().SingleOrDefault(row => row.WalletAddress == wallet);
        return row is null ? null : ToAccount(row);
    }

    public IReadOnlyList<ReceivableAccount> List()
    {
        using var db = databases.CreateDbContext();
        return db.Receivables.AsNoTracking().OrderBy(row => row.WalletAddress).AsEnumerable().Select(ToAccount).ToList();
    }

    /// <summary>
    /// Adds a non-negative charge for a service we provided. A new debtor's row gets the current time as its
    /// timestamp; an existing row changes only its balance. A zero amount is ignored.
    /// </summary>
    public void AddDebt(string walletAddress, Int128 amountWei)
    {
        var wallet = ChainHex.NormalizeWallet(walletAddress);
        if (amountWei < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountWei), amountWei, "A debt cannot be negative.");
        }

        if (amountWei == 0)
        {
            return;
        }

        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var row = db.Receivables.Find(wallet);
        if (row is null)
        {
            db.Receivables.Add(new ReceivableRow
            {
                WalletAddress = wallet,
                Balance = amountWei,
                LastReceivedTimestamp = time.GetUtcNow().ToUnixTimeSeconds(),
            });
        }
        else
        {
            row.Balance = checked(row.Balance + amountWei);
        }

        db.SaveChanges();
        transaction.Commit();
    }

    /// <summary>
    /// Adds non-negative charges for services we provided, all or none, in one transaction (the Accountant's batched
    /// writes). A new debtor's row gets the current time as its timestamp; zero amounts are ignored.
    /// </summary>
    public void AddDebts(IReadOnlyList<WalletAmount> debts)
    {
        using var db = databases.CreateDbContext();
        BalanceWrites.Add(db, "receivable", "last_received_timestamp", BalanceWrites.Normalize(debts), time.GetUtcNow().ToUnixTimeSeconds());
    }

    /// <summary>
    /// Applies payments detected on the chain and moves <c>start_block</c> to <paramref name="nextStartBlock"/>, in one
    /// transaction: each known debtor's balance drops by the amount (it may go negative) and its timestamp becomes
    /// now. Payments from wallets with no row are left out and returned (unknown debtors).
    /// </summary>
    public IReadOnlyList<WalletAmount> ApplyPayments(IReadOnlyList<WalletAmount> payments, ulong nextStartBlock)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var unknown = new List<WalletAmount>();
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        foreach (var payment in payments)
        {
            if (payment.AmountWei < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(payments), payment.AmountWei, "A payment cannot be negative.");
            }

            var row = db.Receivables.Find(ChainHex.NormalizeWallet(payment.WalletAddress));
            if (row is null)
            {
                unknown.Add(payment);
                continue;
            }

            row.Balance = checked(row.Balance - payment.AmountWei);
            row.LastReceivedTimestamp = now;
        }

        var startBlock = db.Config.Find(ConfigNames.StartBlock)
            ?? db.Config.Add(new ConfigRow { Name = ConfigNames.StartBlock }).Entity;
        startBlock.Value = nextStartBlock.ToString(CultureInfo.InvariantCulture);
        db.SaveChanges();
        transaction.Commit();
        return unknown;
    }

    private static ReceivableAccount ToAccount(ReceivableRow row) =>
        new(row.WalletAddress, row.Balance, DateTimeOffset.FromUnixTimeSeconds(row.LastReceivedTimestamp));
}
