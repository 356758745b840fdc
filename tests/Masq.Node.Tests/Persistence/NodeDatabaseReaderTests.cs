using System.Security.Cryptography;
using Masq.Node.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Node.Tests.Persistence;

public sealed class NodeDatabaseReaderTests : IDisposable
{
    private const string Neighbor = "masq://base-sepolia:AQIDBAUGBwg@1.2.3.4:1234";

    private readonly TempDirectory directory = new();
    private readonly PasswordKeyDerivation derivation = new(PersistenceFixtures.CheapKdf);
    private readonly NodeDatabaseReader reader;

    public NodeDatabaseReaderTests()
    {
        reader = new NodeDatabaseReader(derivation, NullLogger<NodeDatabaseReader>.Instance);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void No_database_reads_as_null_and_creates_nothing()
    {
        var chainDirectory = directory.Combine("base-sepolia");

        Assert.Null(reader.TryRead(chainDirectory, "pw"));
        Assert.Null(reader.TryRead(directory.Path, null));

        Assert.False(Directory.Exists(chainDirectory));
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void Stored_values_are_keyed_by_setup_parameter_name()
    {
        var configuration = CreateNodeDatabase();
        configuration.SetBlockchainServiceUrl("https://rpc.example.org");
        configuration.SetEarningWalletAddress("0x00112233445566778899aabbccddeeff00112233");
        configuration.SetGasPrice(9);
        configuration.SetMappingProtocol("pmp");
        configuration.SetMinHops(2);
        configuration.SetNeighborhoodMode("originate-only");
        configuration.SetPaymentThresholds("2000000000|1200|1200|500000000|21600|500000000");
        configuration.SetRatePack("1|2|3|4");
        configuration.SetScanIntervals("60|120|180");
        var port = configuration.GetClandestinePort();
        ReleaseNode();

        var snapshot = reader.TryRead(directory.Path, null);

        Assert.NotNull(snapshot);
        var expected = new Dictionary<string, string>
        {
            ["blockchain-service-url"] = "https://rpc.example.org",
            ["chain"] = PersistenceFixtures.Chain,
            ["clandestine-port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["earning-wallet"] = "0x00112233445566778899aabbccddeeff00112233",
            ["gas-price"] = "9",
            ["mapping-protocol"] = "pmp",
            ["min-hops"] = "2",
            ["neighborhood-mode"] = "originate-only",
            ["payment-thresholds"] = "2000000000|1200|1200|500000000|21600|500000000",
            ["rate-pack"] = "1|2|3|4",
            ["scan-intervals"] = "60|120|180",
        };
        Assert.Equal(expected.OrderBy(pair => pair.Key), snapshot.StoredValues.OrderBy(pair => pair.Key));
    }

    [Fact]
    public void Null_values_are_left_out()
    {
        CreateNodeDatabase();
        ReleaseNode();

        var snapshot = reader.TryRead(directory.Path, null)!;

        Assert.False(snapshot.StoredValues.ContainsKey("blockchain-service-url"));
        Assert.False(snapshot.StoredValues.ContainsKey("earning-wallet"));
        Assert.False(snapshot.StoredValues.ContainsKey("mapping-protocol"));
        Assert.Equal("standard", snapshot.StoredValues["neighborhood-mode"]);
        Assert.True(snapshot.PasswordMatches);
        Assert.Null(snapshot.PastNeighbors);
    }

    [Fact]
    public void Past_neighbors_are_returned_only_with_the_right_password()
    {
        var configuration = CreateNodeDatabase();
        configuration.ChangePassword(null, "pw");
        configuration.SetPastNeighbors([Neighbor], "pw");
        ReleaseNode();

        var right = reader.TryRead(directory.Path, "pw")!;
        var wrong = reader.TryRead(directory.Path, "wrong")!;
        var none = reader.TryRead(directory.Path, null)!;

        Assert.True(right.PasswordMatches);
        Assert.Equal([Neighbor], right.PastNeighbors);
        Assert.False(wrong.PasswordMatches);
        Assert.Null(wrong.PastNeighbors);
        Assert.False(none.PasswordMatches);
        Assert.Null(none.PastNeighbors);
        Assert.Equal(PersistenceFixtures.Chain, wrong.StoredValues["chain"]);
    }

    [Fact]
    public void A_right_password_with_no_neighbors_stored_gives_an_empty_list()
    {
        var configuration = CreateNodeDatabase();
        configuration.ChangePassword(null, "pw");
        ReleaseNode();

        var snapshot = reader.TryRead(directory.Path, "pw")!;

        Assert.True(snapshot.PasswordMatches);
        Assert.Empty(snapshot.PastNeighbors!);
    }

    [Fact]
    public void Reading_changes_neither_the_bytes_nor_the_time_of_the_file_and_creates_no_files()
    {
        var configuration = CreateNodeDatabase();
        configuration.ChangePassword(null, "pw");
        configuration.SetPastNeighbors([Neighbor], "pw");
        configuration.SetConsumingWalletPrivateKey(RandomNumberGenerator.GetBytes(32), "pw");
        ReleaseNode();
        var path = Path.Combine(directory.Path, NodeDatabaseFactory.FileName);
        Assert.False(File.Exists(path + "-wal"));
        var past = DateTime.UtcNow.AddHours(-3);
        File.SetLastWriteTimeUtc(path, past);
        var bytes = File.ReadAllBytes(path);
        var entries = Directory.GetFileSystemEntries(directory.Path).Order().ToList();

        Assert.NotNull(reader.TryRead(directory.Path, "pw"));
        Assert.NotNull(reader.TryRead(directory.Path, "wrong"));
        Assert.NotNull(reader.TryRead(directory.Path, null));

        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(past, File.GetLastWriteTimeUtc(path));
        Assert.Equal(entries, Directory.GetFileSystemEntries(directory.Path).Order().ToList());
    }

    [Fact]
    public void A_database_the_node_has_open_is_read_with_its_latest_values_and_left_unchanged()
    {
        var configuration = CreateNodeDatabase();
        configuration.SetGasPrice(77);
        var path = Path.Combine(directory.Path, NodeDatabaseFactory.FileName);
        Assert.True(File.Exists(path + "-wal"));
        var entries = Directory.GetFileSystemEntries(directory.Path).Order().ToList();

        var snapshot = reader.TryRead(directory.Path, null);

        // The Node's own connection may checkpoint its WAL into the file at any moment, so the file's bytes are no
        // witness here (the test above checks them with no writer); the reader adds no files and sees the latest value.
        Assert.Equal("77", snapshot!.StoredValues["gas-price"]);
        Assert.Equal(entries, Directory.GetFileSystemEntries(directory.Path).Order().ToList());
        configuration.SetGasPrice(78);
        Assert.Equal(78UL, configuration.GetGasPrice());
    }

    [Fact]
    public void A_database_that_needs_migration_reads_as_null_and_is_not_migrated()
    {
        CreateNodeDatabase();
        ReleaseNode();
        var path = Path.Combine(directory.Path, NodeDatabaseFactory.FileName);
        SqliteInspection.Execute(path, "UPDATE config SET value = '10' WHERE name = 'schema_version'");

        Assert.Null(reader.TryRead(directory.Path, null));

        Assert.Equal("10", SqliteInspection.ConfigValue(path, ConfigNames.SchemaVersion));
    }

    [Fact]
    public void A_corrupt_file_reads_as_null()
    {
        File.WriteAllText(Path.Combine(directory.Path, NodeDatabaseFactory.FileName), "definitely not sqlite");

        Assert.Null(reader.TryRead(directory.Path, "pw"));
    }

    private PersistentConfiguration CreateNodeDatabase() =>
        PersistenceFixtures.Configuration(PersistenceFixtures.CreateDatabase(directory), derivation);

    // The Node stops: its pooled connections close, SQLite checkpoints and removes the WAL.
    private void ReleaseNode() =>
        NodeDatabaseFactory.ForReadWrite(Path.Combine(directory.Path, NodeDatabaseFactory.FileName)).ReleasePooledConnections();
}
