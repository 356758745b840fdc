using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>
/// Plain SQL on a context's connection, for inspecting a database before trusting it to match the EF model
/// (an older or foreign schema).
/// </summary>
internal static class RawSql
{
    public static IReadOnlySet<string> TableNames(NodeDatabase db) =>
        Column(db, "SELECT name FROM sqlite_master WHERE type = 'table'").OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The value of a config row; null when the row is absent or its value is null.</summary>
    public static string? ConfigValue(NodeDatabase db, string name) =>
        Column(db, "SELECT value FROM config WHERE name = $name", ("$name", name)).FirstOrDefault();

    public static string? Pragma(NodeDatabase db, string pragma) =>
        Column(db, "PRAGMA " + pragma).FirstOrDefault();

    private static List<string?> Column(NodeDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        try
        {
            using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (parameterName, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = parameterName;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            var values = new List<string?>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }

            return values;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }
}
