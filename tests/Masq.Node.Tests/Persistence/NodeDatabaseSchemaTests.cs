using Masq.Node.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Tests.Persistence;

public sealed class NodeDatabaseSchemaTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Migrations_create_the_five_tables_with_the_reference_columns()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);

        Assert.Equal(["name", "value", "encrypted"], Columns(factory, "config"));
        Assert.Equal(
            ["wallet_address", "balance_high_b", "balance_low_b", "last_paid_timestamp", "pending_payable_rowid"],
            Columns(factory, "payable"));
        Assert.Equal(
            ["rowid", "transaction_hash", "amount_high_b", "amount_low_b", "payable_timestamp", "attempt", "process_error"],
            Columns(factory, "pending_payable"));
        Assert.Equal(
            ["wallet_address", "balance_high_b", "balance_low_b", "last_received_timestamp"],
            Columns(factory, "receivable"));
        Assert.Equal(["wallet_address"], Columns(factory, "banned"));
    }

    [Fact]
    public void Primary_keys_and_nullability_follow_the_spec()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);

        // PRAGMA table_info: name, type, notnull, pk
        var config = TableInfo(factory, "config");
        Assert.Equal(("TEXT", true, true), config["name"]);
        Assert.Equal(("TEXT", false, false), config["value"]);
        Assert.Equal(("INTEGER", true, false), config["encrypted"]);
        var payable = TableInfo(factory, "payable");
        Assert.Equal(("TEXT", true, true), payable["wallet_address"]);
        Assert.Equal(("INTEGER", false, false), payable["pending_payable_rowid"]);
        var pending = TableInfo(factory, "pending_payable");
        Assert.Equal(("INTEGER", true, true), pending["rowid"]);
        Assert.Equal(("TEXT", false, false), pending["process_error"]);
        Assert.Equal(("TEXT", true, true), TableInfo(factory, "banned")["wallet_address"]);
    }

    [Fact]
    public void Pending_payable_has_a_unique_index_on_the_transaction_hash()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);

        var index = SqliteInspection.Query(factory.DatabasePath, "PRAGMA index_list('pending_payable')")
            .Single(row => (string)row[1]! == "pending_payable_hash_idx");
        Assert.Equal(1L, index[2]); // unique
        var indexed = SqliteInspection.Query(factory.DatabasePath, "PRAGMA index_info('pending_payable_hash_idx')");
        Assert.Equal("transaction_hash", Assert.Single(indexed)[2]);
    }

    [Fact]
    public void The_database_is_in_wal_mode_and_at_the_current_schema_version()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);

        Assert.Equal("wal", SqliteInspection.Query(factory.DatabasePath, "PRAGMA journal_mode").Single()[0]);
        Assert.Equal("11", SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.SchemaVersion));
        Assert.Equal(11, PersistenceFixtures.Configuration(factory).GetSchemaVersion());
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);
        using var db = factory.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Contains(db.Database.GetAppliedMigrations(), id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    private static List<string> Columns(NodeDatabaseFactory factory, string table) =>
        SqliteInspection.Query(factory.DatabasePath, $"PRAGMA table_info('{table}')").Select(row => (string)row[1]!).ToList();

    private static Dictionary<string, (string Type, bool NotNull, bool PrimaryKey)> TableInfo(NodeDatabaseFactory factory, string table) =>
        SqliteInspection.Query(factory.DatabasePath, $"PRAGMA table_info('{table}')")
            .ToDictionary(row => (string)row[1]!, row => ((string)row[2]!, (long)row[3]! == 1, (long)row[5]! > 0));
}
