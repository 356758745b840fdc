using System.Numerics;
using Microsoft.Data.Sqlite;

namespace Masq.IntegrationTests.MoneyMesh;

/// <summary>One payable row, to the wei, as the Node's database holds it.</summary>
internal sealed record LedgerPayable(string Wallet, BigInteger BalanceWei, long? PendingPayableRowid);

/// <summary>
/// A running Node's <c>payable</c> and <c>receivable</c> tables read to the wei (the UI's <c>financials</c> shows gwei):
/// a read-only connection beside the Node's writer (WAL), amounts joined from their two columns (high·2^63 + low).
/// </summary>
internal static class NodeLedger
{
    public static IReadOnlyDictionary<string, LedgerPayable> Payables(string databaseFile)
    {
        var rows = new Dictionary<string, LedgerPayable>(StringComparer.OrdinalIgnoreCase);
        Read(databaseFile, "SELECT wallet_address, balance_high_b, balance_low_b, pending_payable_rowid FROM payable", reader =>
        {
            var wallet = reader.GetString(0);
            rows[wallet] = new LedgerPayable(wallet, Join(reader.GetInt64(1), reader.GetInt64(2)), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        });
        return rows;
    }

    public static IReadOnlyDictionary<string, BigInteger> Receivables(string databaseFile)
    {
        var rows = new Dictionary<string, BigInteger>(StringComparer.OrdinalIgnoreCase);
        Read(databaseFile, "SELECT wallet_address, balance_high_b, balance_low_b FROM receivable", reader =>
            rows[reader.GetString(0)] = Join(reader.GetInt64(1), reader.GetInt64(2)));
        return rows;
    }

    /// <summary>The transaction hashes of the payments in flight (fingerprints without a failure mark).</summary>
    public static IReadOnlyList<(long Rowid, string Hash, BigInteger AmountWei, string? Error)> PendingPayables(string databaseFile)
    {
        var rows = new List<(long, string, BigInteger, string?)>();
        Read(databaseFile, "SELECT rowid, transaction_hash, amount_high_b, amount_low_b, process_error FROM pending_payable", reader =>
            rows.Add((reader.GetInt64(0), reader.GetString(1), Join(reader.GetInt64(2), reader.GetInt64(3)), reader.IsDBNull(4) ? null : reader.GetString(4))));
        return rows;
    }

    private static BigInteger Join(long high, long low) => (new BigInteger(high) << 63) + low;

    private static void Read(string databaseFile, string sql, Action<SqliteDataReader> row)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}
