using Microsoft.Data.Sqlite;

namespace Masq.Node.Tests.Persistence;

/// <summary>Looks at a database file with plain SQLite (no EF), as an outside observer.</summary>
internal static class SqliteInspection
{
    public static List<object?[]> Query(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static void Execute(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = false,
        }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every config row as "name=value|encrypted", sorted: a row-for-row fingerprint of the table.</summary>
    public static List<string> ConfigRows(string databasePath) =>
        Query(databasePath, "SELECT name, value, encrypted FROM config ORDER BY name")
            .Select(row => $"{row[0]}={row[1] ?? "<null>"}|{row[2]}")
            .ToList();

    public static string? ConfigValue(string databasePath, string name) =>
        Query(databasePath, $"SELECT value FROM config WHERE name = '{name}'").Single()[0] as string;
}
