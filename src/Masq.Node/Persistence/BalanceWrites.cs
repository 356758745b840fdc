using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>
/// The Accountant's batched write, in plain SQL: adds amounts to the balances of the <c>payable</c> or
/// <c>receivable</c> table in one immediate transaction, creating missing rows with the given timestamp. The same
/// result as loading, changing and saving the rows through EF Core, for a fraction of the CPU: this runs every second
/// on every Node that routes, beside the data path.
/// </summary>
internal static class BalanceWrites
{
    /// <summary>Adds <paramref name="amounts"/> (normalized wallets, positive) to <paramref name="table"/>, all or none.</summary>
    /// <param name="timestampColumn">The row's timestamp column, set to <paramref name="now"/> on a new row only.</param>
    /// <exception cref="OverflowException">A balance would leave the 128-bit range; nothing is written.</exception>
    public static void Add(NodeDatabase db, string table, string timestampColumn, IReadOnlyList<(string Wallet, Int128 Amount)> amounts, long now)
    {
        if (amounts.Count == 0)
        {
            return;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var select = Command(connection, transaction, $"SELECT balance_high_b, balance_low_b FROM {table} WHERE wallet_address = $wallet", "$wallet");
            using var update = Command(
                connection, transaction, $"UPDATE {table} SET balance_high_b = $high, balance_low_b = $low WHERE wallet_address = $wallet",
                "$wallet", "$high", "$low");
            using var insert = Command(
                connection, transaction, $"INSERT INTO {table} (wallet_address, balance_high_b, balance_low_b, {timestampColumn}) VALUES ($wallet, $high, $low, $now)",
                "$wallet", "$high", "$low", "$now");
            insert.Parameters["$now"].Value = now;
            foreach (var (wallet, amount) in amounts)
            {
                select.Parameters["$wallet"].Value = wallet;
                Int128? balance = null;
                using (var reader = select.ExecuteReader())
                {
                    if (reader.Read())
                    {
                        balance = WeiAmount.Join(reader.GetInt64(0), reader.GetInt64(1));
                    }
                }

                var (high, low) = WeiAmount.Split(balance is { } known ? checked(known + amount) : amount);
                var write = balance is null ? insert : update;
                write.Parameters["$wallet"].Value = wallet;
                write.Parameters["$high"].Value = high;
                write.Parameters["$low"].Value = low;
                write.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    /// <summary>Normalized wallets and their non-zero amounts; a negative amount is refused.</summary>
    public static List<(string Wallet, Int128 Amount)> Normalize(IReadOnlyList<WalletAmount> amounts)
    {
        var normalized = new List<(string, Int128)>(amounts.Count);
        foreach (var amount in amounts)
        {
            if (amount.AmountWei < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(amounts), amount.AmountWei, "A debt cannot be negative.");
            }

            if (amount.AmountWei != 0)
            {
                normalized.Add((ChainHex.NormalizeWallet(amount.WalletAddress), amount.AmountWei));
            }
        }

        return normalized;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
