using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>The <c>banned</c> table: wallets banned for delinquency.</summary>
internal sealed class BannedDao(IDbContextFactory<NodeDatabase> databases)
{
    /// <summary>Bans a wallet; false if it already was.</summary>
    public bool Ban(string walletAddress)
    {
        var wallet = ChainHex.NormalizeWallet(walletAddress);
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        if (db.Banned.Find(wallet) is not null)
        {
            return false;
        }

        db.Banned.Add(new BannedRow { WalletAddress = wallet });
        db.SaveChanges();
        transaction.Commit();
        return true;
    }

    /// <summary>Unbans a wallet; false if it was not banned.</summary>
    public bool Unban(string walletAddress)
    {
        var wallet = ChainHex.NormalizeWallet(walletAddress);
        using var db = databases.CreateDbContext();
        return db.Banned.Where(row => row.WalletAddress == wallet).ExecuteDelete() == 1;
    }

    public bool IsBanned(string walletAddress)
    {
        var wallet = ChainHex.NormalizeWallet(walletAddress);
        using var db = databases.CreateDbContext();
        return db.Banned.Any(row => row.WalletAddress == wallet);
    }

    public IReadOnlyList<string> List()
    {
        using var db = databases.CreateDbContext();
        return db.Banned.AsNoTracking().Select(row => row.WalletAddress).OrderBy(wallet => wallet).ToList();
    }
}
