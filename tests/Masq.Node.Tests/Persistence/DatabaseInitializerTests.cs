using System.Globalization;
using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_fresh_database_gets_the_default_config_rows()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory, "base-mainnet");

        var rows = SqliteInspection.Query(factory.DatabasePath, "SELECT name, value, encrypted FROM config")
            .ToDictionary(row => (string)row[0]!, row => ((string?)row[1], (long)row[2]!));
        var port = int.Parse(rows["clandestine_port"].Item1!, CultureInfo.InvariantCulture);
        Assert.InRange(port, 1025, 9998);
        var expected = new Dictionary<string, (string?, long)>
        {
            ["example_encrypted"] = (null, 1),
            ["blockchain_service_url"] = (null, 0),
            ["chain_name"] = ("base-mainnet", 0),
            ["clandestine_port"] = (port.ToString(CultureInfo.InvariantCulture), 0),
            ["consuming_wallet_private_key"] = (null, 1),
            ["earning_wallet_address"] = (null, 0),
            ["neighborhood_mode"] = ("standard", 0),
            ["schema_version"] = ("11", 0),
            ["start_block"] = (null, 0),
            ["gas_price"] = ("1", 0),
            ["last_cryptde"] = (null, 1),
            ["past_neighbors"] = (null, 1),
            ["mapping_protocol"] = (null, 0),
            ["min_hops"] = ("3", 0),
            ["payment_thresholds"] = ("1000000000|1200|1200|500000000|21600|500000000", 0),
            ["rate_pack"] = ("53844|53844|107688|107688", 0),
            ["scan_intervals"] = ("600|600|600", 0),
            ["max_block_count"] = (null, 0),
            ["kdf_params"] = (null, 0),
        };
        Assert.Equal(expected.OrderBy(pair => pair.Key), rows.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void The_chain_data_directory_is_created_when_missing()
    {
        var chainDirectory = directory.Combine("nested", "deeper", "base-sepolia");

        var factory = PersistenceFixtures.Initializer().OpenOrCreate(chainDirectory, "base-sepolia");

        Assert.Equal(Path.Combine(chainDirectory, "node-data.db"), factory.DatabasePath);
        Assert.True(File.Exists(factory.DatabasePath));
    }

    [Fact]
    public void Reopening_keeps_the_stored_values()
    {
        var first = PersistenceFixtures.CreateDatabase(directory);
        var configuration = PersistenceFixtures.Configuration(first);
        var port = configuration.GetClandestinePort();
        configuration.SetGasPrice(42);

        var second = PersistenceFixtures.CreateDatabase(directory);

        var reopened = PersistenceFixtures.Configuration(second);
        Assert.Equal(port, reopened.GetClandestinePort());
        Assert.Equal(42UL, reopened.GetGasPrice());
        Assert.Equal(PersistenceFixtures.Chain, reopened.GetChainName());
    }

    [Fact]
    public void A_database_of_another_chain_is_refused_naming_both_chains_and_left_untouched()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory, "polygon-mainnet");
        factory.ReleasePooledConnections();
        var before = SqliteInspection.ConfigRows(factory.DatabasePath);
        var bytesBefore = File.ReadAllBytes(factory.DatabasePath);

        var error = Assert.Throws<ChainMismatchException>(() => PersistenceFixtures.CreateDatabase(directory, "base-mainnet"));

        Assert.Equal("polygon-mainnet", error.DatabaseChain);
        Assert.Equal("base-mainnet", error.RequestedChain);
        Assert.Contains("polygon-mainnet", error.Message, StringComparison.Ordinal);
        Assert.Contains("base-mainnet", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SqliteInspection.ConfigRows(factory.DatabasePath));
        Assert.Equal(bytesBefore, File.ReadAllBytes(factory.DatabasePath));
    }

    [Fact]
    public void A_database_migrated_by_a_newer_node_is_refused()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);
        SqliteInspection.Execute(
            factory.DatabasePath,
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')");

        var error = Assert.Throws<DatabaseSchemaException>(() => PersistenceFixtures.CreateDatabase(directory));

        Assert.Equal(DatabaseSchemaProblem.TooNew, error.Problem);
        Assert.Contains("29990101000000_FromTheFuture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_schema_version_is_refused()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);
        SqliteInspection.Execute(factory.DatabasePath, "UPDATE config SET value = '12' WHERE name = 'schema_version'");

        var error = Assert.Throws<DatabaseSchemaException>(() => PersistenceFixtures.CreateDatabase(directory));

        Assert.Equal(DatabaseSchemaProblem.TooNew, error.Problem);
    }

    [Fact]
    public void A_database_without_migration_history_is_refused()
    {
        var path = Path.Combine(directory.Path, "node-data.db");
        SqliteInspection.Execute(path, "CREATE TABLE config (name TEXT PRIMARY KEY, value TEXT, encrypted INTEGER NOT NULL)");

        var error = Assert.Throws<DatabaseSchemaException>(() => PersistenceFixtures.CreateDatabase(directory));

        Assert.Equal(DatabaseSchemaProblem.NotANodeDatabase, error.Problem);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused()
    {
        File.WriteAllText(Path.Combine(directory.Path, "node-data.db"), new string('x', 4096));

        var error = Assert.Throws<DatabaseSchemaException>(() => PersistenceFixtures.CreateDatabase(directory));

        Assert.Equal(DatabaseSchemaProblem.NotANodeDatabase, error.Problem);
    }

    [Fact]
    public void Rows_missing_after_an_interrupted_first_start_are_seeded_on_the_next()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);
        SqliteInspection.Execute(factory.DatabasePath, "DELETE FROM config WHERE name NOT IN ('schema_version')");

        var reopened = PersistenceFixtures.CreateDatabase(directory);

        var configuration = PersistenceFixtures.Configuration(reopened);
        Assert.Equal(PersistenceFixtures.Chain, configuration.GetChainName());
        Assert.Equal("53844|53844|107688|107688", configuration.GetRatePack());
        Assert.InRange(configuration.GetClandestinePort(), (ushort)1025, (ushort)9998);
    }

    [Fact]
    public void Read_only_open_of_a_missing_database_is_null_and_creates_nothing()
    {
        var chainDirectory = directory.Combine("absent");

        Assert.Null(DatabaseInitializer.OpenReadOnly(chainDirectory));
        Assert.Null(DatabaseInitializer.OpenReadOnly(directory.Path));

        Assert.False(Directory.Exists(chainDirectory));
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void Read_only_open_refuses_a_database_that_needs_migration_without_migrating_it()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);
        SqliteInspection.Execute(factory.DatabasePath, "DELETE FROM \"__EFMigrationsHistory\"");
        SqliteInspection.Execute(factory.DatabasePath, "UPDATE config SET value = '10' WHERE name = 'schema_version'");

        var error = Assert.Throws<DatabaseSchemaException>(() => DatabaseInitializer.OpenReadOnly(directory.Path));

        Assert.Equal(DatabaseSchemaProblem.NeedsMigration, error.Problem);
        Assert.Empty(SqliteInspection.Query(factory.DatabasePath, "SELECT * FROM \"__EFMigrationsHistory\""));
        Assert.Equal("10", SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.SchemaVersion));
    }

    [Fact]
    public void Read_only_open_refuses_an_older_schema_version()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);
        SqliteInspection.Execute(factory.DatabasePath, "UPDATE config SET value = '10' WHERE name = 'schema_version'");

        var error = Assert.Throws<DatabaseSchemaException>(() => DatabaseInitializer.OpenReadOnly(directory.Path));

        Assert.Equal(DatabaseSchemaProblem.NeedsMigration, error.Problem);
    }

    [Fact]
    public void A_read_only_factory_cannot_write()
    {
        var factory = PersistenceFixtures.CreateDatabase(directory);
        var readOnly = DatabaseInitializer.OpenReadOnly(directory.Path)!;

        Assert.True(readOnly.IsReadOnly);
        Assert.ThrowsAny<Exception>(() => PersistenceFixtures.Configuration(readOnly).SetGasPrice(7));
        Assert.Equal("1", SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.GasPrice));
    }

    [Fact]
    public void Read_only_open_works_on_paths_with_uri_special_characters()
    {
        var chainDirectory = directory.Combine("we#ird ?dir%20", "base-sepolia");
        PersistenceFixtures.Initializer().OpenOrCreate(chainDirectory, "base-sepolia").ReleasePooledConnections();

        var readOnly = DatabaseInitializer.OpenReadOnly(chainDirectory);

        Assert.NotNull(readOnly);
        Assert.Equal("base-sepolia", PersistenceFixtures.Configuration(readOnly).GetChainName());
    }
}
