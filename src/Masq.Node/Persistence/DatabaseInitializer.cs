using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Persistence;

/// <summary>
/// Opens <c>node-data.db</c> in a chain data directory: read-write for the Node (create, migrate, seed) or
/// read-only for the Daemon (never creates, migrates or writes).
/// </summary>
internal sealed partial class DatabaseInitializer(ClandestinePortPicker portPicker, ILogger<DatabaseInitializer> logger)
{
    private const string MigrationsHistoryTable = "__EFMigrationsHistory";
    private const int SqliteNotADatabase = 26;
    private const int SqliteCorrupt = 11;

    /// <summary>
    /// The Node's open: creates the directory and the database if missing, refuses a database of another chain
    /// (<see cref="ChainMismatchException"/>) or one newer than this code (<see cref="DatabaseSchemaException"/>)
    /// without touching it, switches to WAL, applies pending migrations and seeds missing config rows (§1.3).
    /// </summary>
    public NodeDatabaseFactory OpenOrCreate(string chainDataDirectory, string chainName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chainDataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(chainName);
        Directory.CreateDirectory(chainDataDirectory);
        var factory = NodeDatabaseFactory.ForReadWrite(Path.Combine(chainDataDirectory, NodeDatabaseFactory.FileName));
        try
        {
            bool fresh;
            using (var db = factory.CreateDbContext())
            {
                var tables = RawSql.TableNames(db);
                fresh = tables.Count == 0;
                if (!fresh)
                {
                    CheckExisting(db, tables, chainName);
                }

                // Persistent in the file: readers no longer block the writer, nor the writer readers.
                RawSql.Pragma(db, "journal_mode = WAL");
                // Migrate() takes the migration lock and re-reads the history; skip it when nothing is pending.
                if (fresh || db.Database.GetPendingMigrations().Any())
                {
                    db.Database.Migrate();
                }
            }

            SeedMissingRows(factory, chainName);
            using (var db = factory.CreateDbContext())
            {
                CheckSchemaVersion(db);
            }

            if (fresh)
            {
                LogCreated(logger, factory.DatabasePath, chainName);
            }

            return factory;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new DatabaseSchemaException(DatabaseSchemaProblem.NotANodeDatabase, $"{factory.DatabasePath} is not a usable SQLite database", e);
        }
    }

    /// <summary>
    /// The Daemon's open: null when there is no database file; a <see cref="DatabaseSchemaException"/> when the
    /// database needs migration, is newer than this code or is not a Node database. Never creates, migrates or
    /// writes anything: every connection is read-only, and when no writer has the file open (no <c>-wal</c> file)
    /// the connection is immutable, so SQLite creates no <c>-wal</c>/<c>-shm</c> files either (a privileged
    /// Daemon must not leave files that the unprivileged Node cannot open).
    /// </summary>
    public static NodeDatabaseFactory? OpenReadOnly(string chainDataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chainDataDirectory);
        var path = Path.Combine(chainDataDirectory, NodeDatabaseFactory.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var factory = NodeDatabaseFactory.ForReadOnly(path, immutable: !File.Exists(path + "-wal"));
        try
        {
            using var db = factory.CreateDbContext();
            var tables = RawSql.TableNames(db);
            if (tables.Count == 0)
            {
                throw new DatabaseSchemaException(DatabaseSchemaProblem.NeedsMigration, $"{path} is empty");
            }

            CheckMigrationHistory(db, tables);
            if (db.Database.GetPendingMigrations().Any())
            {
                throw new DatabaseSchemaException(DatabaseSchemaProblem.NeedsMigration, $"{path} needs migration");
            }

            CheckSchemaVersion(db);
            return factory;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new DatabaseSchemaException(DatabaseSchemaProblem.NotANodeDatabase, $"{path} is not a usable SQLite database", e);
        }
    }

    private static void CheckExisting(NodeDatabase db, IReadOnlySet<string> tables, string chainName)
    {
        CheckMigrationHistory(db, tables);
        if (tables.Contains("config"))
        {
            var storedChain = RawSql.ConfigValue(db, ConfigNames.ChainName);
            if (storedChain is not null && !string.Equals(storedChain, chainName, StringComparison.Ordinal))
            {
                throw new ChainMismatchException(storedChain, chainName);
            }

            var storedVersion = RawSql.ConfigValue(db, ConfigNames.SchemaVersion);
            if (storedVersion is not null
                && int.TryParse(storedVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && version > NodeDatabase.CurrentSchemaVersion)
            {
                throw TooNew(version);
            }
        }
    }

    private static void CheckMigrationHistory(NodeDatabase db, IReadOnlySet<string> tables)
    {
        if (!tables.Contains(MigrationsHistoryTable))
        {
            throw new DatabaseSchemaException(
                DatabaseSchemaProblem.NotANodeDatabase,
                "The database was not created by this Node (it has no migration history)");
        }

        var unknown = db.Database.GetAppliedMigrations().Except(db.Database.GetMigrations(), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseSchemaException(
                DatabaseSchemaProblem.TooNew,
                $"The database was migrated by a newer Node (unknown migrations: {string.Join(", ", unknown)})");
        }
    }

    private static void CheckSchemaVersion(NodeDatabase db)
    {
        var stored = RawSql.ConfigValue(db, ConfigNames.SchemaVersion);
        if (stored is null || !int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new DatabaseSchemaException(DatabaseSchemaProblem.NotANodeDatabase, "The database has no valid schema_version");
        }

        if (version < NodeDatabase.CurrentSchemaVersion)
        {
            throw new DatabaseSchemaException(
                DatabaseSchemaProblem.NeedsMigration,
                $"The database has schema version {version}; this Node needs {NodeDatabase.CurrentSchemaVersion}");
        }

        if (version > NodeDatabase.CurrentSchemaVersion)
        {
            throw TooNew(version);
        }
    }

    private static DatabaseSchemaException TooNew(int version) =>
        new(
            DatabaseSchemaProblem.TooNew,
            $"The database has schema version {version}, newer than this Node's {NodeDatabase.CurrentSchemaVersion}");

    // One transaction: a crash leaves either every default row or none, and the next start fills them in.
    private void SeedMissingRows(NodeDatabaseFactory factory, string chainName)
    {
        using var db = factory.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var present = db.Config.Select(row => row.Name).ToHashSet(StringComparer.Ordinal);
        var port = present.Contains(ConfigNames.ClandestinePort) ? (ushort)0 : portPicker.PickFreePort();
        var missing = ConfigDefaults.FreshRows(chainName, port).Where(row => !present.Contains(row.Name)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.Config.AddRange(missing);
        db.SaveChanges();
        transaction.Commit();
    }

    [LoggerMessage(EventId = PersistenceEventIds.DatabaseCreated, Level = LogLevel.Information, Message = "Created the Node database {Path} for chain {Chain}")]
    private static partial void LogCreated(ILogger logger, string path, string chain);
}
