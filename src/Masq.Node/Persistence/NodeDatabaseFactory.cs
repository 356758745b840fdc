using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>
/// Makes <see cref="NodeDatabase"/> contexts for one database file. Thread-safe; the Node's singleton actors share
/// one and create a short-lived context per unit of work.
/// </summary>
internal sealed class NodeDatabaseFactory : IDbContextFactory<NodeDatabase>
{
    public const string FileName = "node-data.db";

    private readonly DbContextOptions<NodeDatabase> options;

    private NodeDatabaseFactory(string databasePath, string connectionString, bool isReadOnly)
    {
        DatabasePath = databasePath;
        ConnectionString = connectionString;
        IsReadOnly = isReadOnly;
        options = new DbContextOptionsBuilder<NodeDatabase>().UseSqlite(connectionString).Options;
    }

    public string DatabasePath { get; }

    public bool IsReadOnly { get; }

    internal string ConnectionString { get; }

    /// <summary>A read-write factory (creates the file on first use). Pooled connections.</summary>
    public static NodeDatabaseFactory ForReadWrite(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };
        return new NodeDatabaseFactory(fullPath, builder.ConnectionString, isReadOnly: false);
    }

    /// <summary>
    /// A read-only factory: SQLite refuses every write. With <paramref name="immutable"/> SQLite also takes no
    /// locks and creates no <c>-wal</c>/<c>-shm</c> files; that is only right when no <c>-wal</c> file exists (no
    /// writer has the database open and nothing is left to checkpoint), since immutable reads ignore the WAL.
    /// </summary>
    public static NodeDatabaseFactory ForReadOnly(string databasePath, bool immutable)
    {
        var fullPath = Path.GetFullPath(databasePath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FileUri(fullPath, immutable),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        return new NodeDatabaseFactory(fullPath, builder.ConnectionString, isReadOnly: true);
    }

    public NodeDatabase CreateDbContext() => new(options);

    /// <summary>Closes this file's idle pooled connections (so SQLite checkpoints and removes the WAL).</summary>
    public void ReleasePooledConnections()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    // A SQLite URI filename: only '%', '?' and '#' are special in the path part.
    private static string FileUri(string fullPath, bool immutable)
    {
        var path = new StringBuilder(fullPath.Replace('\\', '/'))
            .Replace("%", "%25")
            .Replace("?", "%3f")
            .Replace("#", "%23")
            .ToString();
        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        return "file://" + path + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
    }
}
