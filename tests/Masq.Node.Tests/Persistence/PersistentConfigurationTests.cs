using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class PersistentConfigurationTests : IDisposable
{
    private const string Wallet = "0x00112233445566778899aabbccddeeff00112233";

    private readonly TempDirectory directory = new();
    private readonly NodeDatabaseFactory factory;
    private readonly PasswordKeyDerivation derivation = new(PersistenceFixtures.CheapKdf);
    private readonly PersistentConfiguration configuration;

    public PersistentConfigurationTests()
    {
        factory = PersistenceFixtures.CreateDatabase(directory);
        configuration = PersistenceFixtures.Configuration(factory, derivation);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Getters_return_the_fresh_defaults()
    {
        Assert.Null(configuration.GetBlockchainServiceUrl());
        Assert.Equal(PersistenceFixtures.Chain, configuration.GetChainName());
        Assert.InRange(configuration.GetClandestinePort(), (ushort)1025, (ushort)9998);
        Assert.Null(configuration.GetEarningWalletAddress());
        Assert.Equal("standard", configuration.GetNeighborhoodMode());
        Assert.Equal(11, configuration.GetSchemaVersion());
        Assert.Null(configuration.GetStartBlock());
        Assert.Equal(1UL, configuration.GetGasPrice());
        Assert.Null(configuration.GetMappingProtocol());
        Assert.Equal(3, configuration.GetMinHops());
        Assert.Equal("1000000000|1200|1200|500000000|21600|500000000", configuration.GetPaymentThresholds());
        Assert.Equal("53844|53844|107688|107688", configuration.GetRatePack());
        Assert.Equal("600|600|600", configuration.GetScanIntervals());
        Assert.Null(configuration.GetMaxBlockCount());
    }

    [Fact]
    public void Setters_round_trip_through_the_file()
    {
        configuration.SetBlockchainServiceUrl("https://base-sepolia.example.org/v3/key");
        configuration.SetClandestinePort(40000);
        configuration.SetEarningWalletAddress("0x00112233445566778899AABBCCDDEEFF00112233");
        configuration.SetNeighborhoodMode("consume-only");
        configuration.SetStartBlock(123456789012);
        configuration.SetGasPrice(17);
        configuration.SetMappingProtocol("PCP");
        configuration.SetMinHops(6);
        configuration.SetPaymentThresholds("1|2|3|4|5|6");
        configuration.SetRatePack("10|20|30|40");
        configuration.SetScanIntervals("7|8|9");
        configuration.SetMaxBlockCount(100000);

        var reread = PersistenceFixtures.Configuration(factory);
        Assert.Equal("https://base-sepolia.example.org/v3/key", reread.GetBlockchainServiceUrl());
        Assert.Equal((ushort)40000, reread.GetClandestinePort());
        Assert.Equal(Wallet, reread.GetEarningWalletAddress());
        Assert.Equal("consume-only", reread.GetNeighborhoodMode());
        Assert.Equal(123456789012UL, reread.GetStartBlock());
        Assert.Equal(17UL, reread.GetGasPrice());
        Assert.Equal("pcp", reread.GetMappingProtocol());
        Assert.Equal(6, reread.GetMinHops());
        Assert.Equal("1|2|3|4|5|6", reread.GetPaymentThresholds());
        Assert.Equal("10|20|30|40", reread.GetRatePack());
        Assert.Equal("7|8|9", reread.GetScanIntervals());
        Assert.Equal(100000UL, reread.GetMaxBlockCount());
        Assert.Equal("40000", SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.ClandestinePort));
        Assert.Equal(Wallet, SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.EarningWalletAddress));
    }

    [Fact]
    public void Nullable_values_can_be_cleared()
    {
        configuration.SetBlockchainServiceUrl("http://localhost:8545");
        configuration.SetStartBlock(5);
        configuration.SetMappingProtocol("igdp");
        configuration.SetMaxBlockCount(9);
        configuration.SetEarningWalletAddress(Wallet);

        configuration.SetBlockchainServiceUrl(null);
        configuration.SetStartBlock(null);
        configuration.SetMappingProtocol(null);
        configuration.SetMaxBlockCount(null);
        configuration.SetEarningWalletAddress(null);

        Assert.Null(configuration.GetBlockchainServiceUrl());
        Assert.Null(configuration.GetStartBlock());
        Assert.Null(configuration.GetMappingProtocol());
        Assert.Null(configuration.GetMaxBlockCount());
        Assert.Null(configuration.GetEarningWalletAddress());
    }

    [Theory]
    [InlineData(ConfigNames.ClandestinePort, "port 1024")]
    [InlineData(ConfigNames.GasPrice, "gas 0")]
    [InlineData(ConfigNames.MinHops, "hops 0")]
    [InlineData(ConfigNames.MinHops, "hops 7")]
    [InlineData(ConfigNames.NeighborhoodMode, "mode Standard")]
    [InlineData(ConfigNames.MappingProtocol, "protocol upnp")]
    [InlineData(ConfigNames.BlockchainServiceUrl, "url not a url")]
    [InlineData(ConfigNames.EarningWalletAddress, "wallet 0x1234")]
    [InlineData(ConfigNames.EarningWalletAddress, "wallet 0xg0112233445566778899aabbccddeeff00112233")]
    [InlineData(ConfigNames.PaymentThresholds, "thresholds 1|2|3|4|5")]
    [InlineData(ConfigNames.RatePack, "rates 1|2|3|x")]
    [InlineData(ConfigNames.ScanIntervals, "intervals 1|2|-3")]
    [InlineData(ConfigNames.ScanIntervals, "intervals 1|2|3|")]
    public void Invalid_values_are_refused_naming_the_row_and_change_nothing(string row, string setting)
    {
        var before = SqliteInspection.ConfigRows(factory.DatabasePath);
        var separator = setting.IndexOf(' ', StringComparison.Ordinal);
        var value = setting[(separator + 1)..];
        Action set = setting[..separator] switch
        {
            "port" => () => configuration.SetClandestinePort(ushort.Parse(value, CultureInfo.InvariantCulture)),
            "gas" => () => configuration.SetGasPrice(ulong.Parse(value, CultureInfo.InvariantCulture)),
            "hops" => () => configuration.SetMinHops(int.Parse(value, CultureInfo.InvariantCulture)),
            "mode" => () => configuration.SetNeighborhoodMode(value),
            "protocol" => () => configuration.SetMappingProtocol(value),
            "url" => () => configuration.SetBlockchainServiceUrl(value),
            "wallet" => () => configuration.SetEarningWalletAddress(value),
            "thresholds" => () => configuration.SetPaymentThresholds(value),
            "rates" => () => configuration.SetRatePack(value),
            "intervals" => () => configuration.SetScanIntervals(value),
            _ => throw new ArgumentOutOfRangeException(nameof(setting)),
        };

        var error = Assert.Throws<ConfigValueException>(set);

        Assert.Equal(row, error.Name);
        Assert.Equal(before, SqliteInspection.ConfigRows(factory.DatabasePath));
    }

    [Theory]
    [InlineData(ConfigNames.GasPrice, "abc")]
    [InlineData(ConfigNames.GasPrice, "0")]
    [InlineData(ConfigNames.ClandestinePort, "70000")]
    [InlineData(ConfigNames.MinHops, "9")]
    [InlineData(ConfigNames.RatePack, "1|2")]
    [InlineData(ConfigNames.StartBlock, "-1")]
    [InlineData(ConfigNames.NeighborhoodMode, "sometimes")]
    public void Unparsable_stored_values_are_a_typed_error_naming_the_row(string row, string stored)
    {
        SqliteInspection.Execute(factory.DatabasePath, $"UPDATE config SET value = '{stored}' WHERE name = '{row}'");

        var error = Assert.Throws<ConfigValueException>(() => ReadRow(row));

        Assert.Equal(row, error.Name);
    }

    [Fact]
    public void Without_a_password_only_no_password_matches()
    {
        Assert.False(configuration.IsPasswordSet());
        Assert.True(configuration.CheckPassword(null));
        Assert.False(configuration.CheckPassword("anything"));
        Assert.False(configuration.CheckPassword(string.Empty));
    }

    [Fact]
    public void Setting_the_first_password_stores_only_an_example_and_kdf_parameters()
    {
        configuration.ChangePassword(null, "booga");

        Assert.True(configuration.IsPasswordSet());
        Assert.True(configuration.CheckPassword("booga"));
        Assert.False(configuration.CheckPassword(null));
        Assert.False(configuration.CheckPassword("Booga"));
        var kdf = KdfParameters.Parse(SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.KdfParams)!);
        Assert.Equal(PersistenceFixtures.CheapKdf, kdf.Cost);
        Assert.StartsWith("xchacha20poly1305:", SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.ExampleEncrypted), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_parameters_drive_decryption_whatever_the_configured_cost()
    {
        configuration.ChangePassword(null, "booga");
        var otherCost = new PersistentConfiguration(factory, new PasswordKeyDerivation(new KdfCost(4, 16 * 1024)));

        Assert.True(otherCost.CheckPassword("booga"));
    }

    [Fact]
    public void Changing_without_an_old_password_when_one_is_set_is_refused()
    {
        configuration.ChangePassword(null, "first");
        var before = SqliteInspection.ConfigRows(factory.DatabasePath);

        var error = Assert.Throws<PasswordAlreadySetException>(() => configuration.ChangePassword(null, "second"));

        Assert.Equal("The database already has a password. You may only change it", error.Message);
        Assert.Equal(before, SqliteInspection.ConfigRows(factory.DatabasePath));
        Assert.True(configuration.CheckPassword("first"));
    }

    [Fact]
    public void Changing_with_a_wrong_old_password_is_refused_and_changes_nothing()
    {
        configuration.ChangePassword(null, "first");
        configuration.SetConsumingWalletPrivateKey(RandomNumberGenerator.GetBytes(32), "first");
        var before = SqliteInspection.ConfigRows(factory.DatabasePath);

        Assert.Throws<WrongPasswordException>(() => configuration.ChangePassword("wrong", "second"));

        Assert.Equal(before, SqliteInspection.ConfigRows(factory.DatabasePath));
        Assert.True(configuration.CheckPassword("first"));
    }

    [Fact]
    public void An_old_password_on_a_database_without_one_is_refused()
    {
        Assert.Throws<WrongPasswordException>(() => configuration.ChangePassword("imagined", "new"));

        Assert.False(configuration.IsPasswordSet());
    }

    [Fact]
    public void Changing_the_password_re_encrypts_every_secret_under_a_new_salt()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        var keyPair = RandomNumberGenerator.GetBytes(128);
        string[] neighbors = ["masq://base-sepolia:AQIDBA@1.2.3.4:1234", "masq://base-sepolia:BQYHCA@5.6.7.8:5678/9012"];
        configuration.ChangePassword(null, "old");
        configuration.SetConsumingWalletPrivateKey(privateKey, "old");
        configuration.SetLastCryptde(keyPair, "old");
        configuration.SetPastNeighbors(neighbors, "old");
        var before = SqliteInspection.Query(factory.DatabasePath, "SELECT name, value FROM config")
            .ToDictionary(row => (string)row[0]!, row => (string?)row[1]);

        configuration.ChangePassword("old", "new");

        var after = SqliteInspection.Query(factory.DatabasePath, "SELECT name, value FROM config")
            .ToDictionary(row => (string)row[0]!, row => (string?)row[1]);
        foreach (var row in new[] { ConfigNames.ExampleEncrypted, ConfigNames.ConsumingWalletPrivateKey, ConfigNames.LastCryptde, ConfigNames.PastNeighbors, ConfigNames.KdfParams })
        {
            Assert.NotNull(after[row]);
            Assert.NotEqual(before[row], after[row]);
        }

        Assert.NotEqual(
            KdfParameters.Parse(before[ConfigNames.KdfParams]!).Salt.ToArray(),
            KdfParameters.Parse(after[ConfigNames.KdfParams]!).Salt.ToArray());
        Assert.False(configuration.CheckPassword("old"));
        Assert.True(configuration.CheckPassword("new"));
        Assert.Equal(privateKey, configuration.GetConsumingWalletPrivateKey("new"));
        Assert.Equal(keyPair, configuration.GetLastCryptde("new"));
        Assert.Equal(neighbors, configuration.GetPastNeighbors("new"));
        Assert.Throws<WrongPasswordException>(() => configuration.GetConsumingWalletPrivateKey("old"));
    }

    [Fact]
    public void A_failure_midway_through_a_password_change_leaves_every_row_as_it_was()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        configuration.ChangePassword(null, "old");
        configuration.SetConsumingWalletPrivateKey(privateKey, "old");
        configuration.SetLastCryptde([9, 8, 7], "old");
        configuration.SetPastNeighbors(["masq://base-sepolia:AQIDBA@1.2.3.4:1234"], "old");
        var before = SqliteInspection.ConfigRows(factory.DatabasePath);
        var reencrypted = new List<string>();
        configuration.AfterRowReencrypted = row =>
        {
            reencrypted.Add(row);
            if (reencrypted.Count == 2)
            {
                throw new IOException("simulated failure");
            }
        };

        Assert.Throws<IOException>(() => configuration.ChangePassword("old", "new"));

        Assert.Equal(2, reencrypted.Count);
        Assert.Equal(before, SqliteInspection.ConfigRows(factory.DatabasePath));
        configuration.AfterRowReencrypted = null;
        Assert.True(configuration.CheckPassword("old"));
        Assert.False(configuration.CheckPassword("new"));
        Assert.Equal(privateKey, configuration.GetConsumingWalletPrivateKey("old"));
    }

    [Fact]
    public void A_crash_midway_through_a_password_change_leaves_the_file_as_it_was()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        configuration.ChangePassword(null, "old");
        configuration.SetConsumingWalletPrivateKey(privateKey, "old");
        configuration.SetLastCryptde([1, 2, 3, 4], "old");
        configuration.SetPastNeighbors(["masq://base-sepolia:AQIDBA@1.2.3.4:1234"], "old");
        var before = SqliteInspection.ConfigRows(factory.DatabasePath);
        var crashDirectory = directory.Combine("crash-image");
        Directory.CreateDirectory(crashDirectory);
        configuration.AfterRowReencrypted = row =>
        {
            if (row == ConfigNames.LastCryptde)
            {
                // What is on disk at this instant is what a killed process would leave: the database and its WAL.
                foreach (var file in Directory.GetFiles(directory.Path, "node-data.db*"))
                {
                    if (!file.EndsWith("-shm", StringComparison.Ordinal))
                    {
                        File.Copy(file, Path.Combine(crashDirectory, Path.GetFileName(file)));
                    }
                }
            }
        };

        configuration.ChangePassword("old", "new");

        Assert.True(File.Exists(Path.Combine(crashDirectory, "node-data.db")));
        var recovered = PersistenceFixtures.Initializer().OpenOrCreate(crashDirectory, PersistenceFixtures.Chain);
        Assert.Equal(before, SqliteInspection.ConfigRows(recovered.DatabasePath));
        var recoveredConfiguration = PersistenceFixtures.Configuration(recovered);
        Assert.True(recoveredConfiguration.CheckPassword("old"));
        Assert.Equal(privateKey, recoveredConfiguration.GetConsumingWalletPrivateKey("old"));
        Assert.True(configuration.CheckPassword("new"));
    }

    [Fact]
    public void Set_password_if_none_sets_it_only_once()
    {
        Assert.True(configuration.SetPasswordIfNone("first"));
        Assert.False(configuration.SetPasswordIfNone("second"));

        Assert.True(configuration.CheckPassword("first"));
        Assert.False(configuration.CheckPassword("second"));
    }

    [Fact]
    public void Secrets_round_trip_and_can_be_cleared()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        configuration.ChangePassword(null, "pw");
        Assert.Null(configuration.GetConsumingWalletPrivateKey("pw"));
        Assert.Null(configuration.GetPastNeighbors("pw"));
        Assert.Null(configuration.GetLastCryptde("pw"));

        configuration.SetConsumingWalletPrivateKey(privateKey, "pw");
        configuration.SetPastNeighbors(["masq://base-sepolia:AQIDBA@1.2.3.4:1234"], "pw");
        configuration.SetLastCryptde([5, 6, 7], "pw");

        Assert.Equal(privateKey, configuration.GetConsumingWalletPrivateKey("pw"));
        Assert.Equal(["masq://base-sepolia:AQIDBA@1.2.3.4:1234"], configuration.GetPastNeighbors("pw"));
        Assert.Equal([5, 6, 7], configuration.GetLastCryptde("pw"));

        configuration.SetConsumingWalletPrivateKey(null, "pw");
        configuration.SetPastNeighbors([], "pw");
        configuration.SetLastCryptde(null, "pw");

        Assert.Null(configuration.GetConsumingWalletPrivateKey("pw"));
        Assert.Null(configuration.GetPastNeighbors("pw"));
        Assert.Null(configuration.GetLastCryptde("pw"));
        Assert.Null(SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.PastNeighbors));
    }

    [Fact]
    public void A_private_key_must_be_32_bytes()
    {
        configuration.ChangePassword(null, "pw");

        var error = Assert.Throws<ConfigValueException>(() => configuration.SetConsumingWalletPrivateKey(new byte[31], "pw"));

        Assert.Equal(ConfigNames.ConsumingWalletPrivateKey, error.Name);
        Assert.Null(configuration.GetConsumingWalletPrivateKey("pw"));
    }

    [Fact]
    public void A_wrong_password_neither_reads_nor_writes_secrets()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        configuration.ChangePassword(null, "pw");
        configuration.SetConsumingWalletPrivateKey(privateKey, "pw");
        var before = SqliteInspection.ConfigRows(factory.DatabasePath);

        Assert.Throws<WrongPasswordException>(() => configuration.GetConsumingWalletPrivateKey("nope"));
        Assert.Throws<WrongPasswordException>(() => configuration.GetPastNeighbors("nope"));
        Assert.Throws<WrongPasswordException>(() => configuration.GetLastCryptde("nope"));
        Assert.Throws<WrongPasswordException>(() => configuration.SetConsumingWalletPrivateKey(RandomNumberGenerator.GetBytes(32), "nope"));
        Assert.Throws<WrongPasswordException>(() => configuration.SetPastNeighbors(["masq://x:AQ@1.2.3.4:1"], "nope"));
        Assert.Throws<WrongPasswordException>(() => configuration.SetLastCryptde([1], "nope"));

        Assert.Equal(before, SqliteInspection.ConfigRows(factory.DatabasePath));
        Assert.Equal(privateKey, configuration.GetConsumingWalletPrivateKey("pw"));
    }

    [Fact]
    public void Secrets_need_a_password_to_be_set_first()
    {
        Assert.Throws<PasswordNotSetException>(() => configuration.SetConsumingWalletPrivateKey(RandomNumberGenerator.GetBytes(32), "pw"));
        Assert.Throws<PasswordNotSetException>(() => configuration.GetConsumingWalletPrivateKey("pw"));

        Assert.Null(SqliteInspection.ConfigValue(factory.DatabasePath, ConfigNames.ConsumingWalletPrivateKey));
    }

    [Fact]
    public void A_sealed_value_copied_into_another_row_does_not_decrypt()
    {
        configuration.ChangePassword(null, "pw");
        configuration.SetConsumingWalletPrivateKey(RandomNumberGenerator.GetBytes(32), "pw");
        SqliteInspection.Execute(
            factory.DatabasePath,
            "UPDATE config SET value = (SELECT value FROM config WHERE name = 'consuming_wallet_private_key') WHERE name = 'last_cryptde'");

        var error = Assert.Throws<ConfigValueException>(() => configuration.GetLastCryptde("pw"));

        Assert.Equal(ConfigNames.LastCryptde, error.Name);
    }

    [Fact]
    public void Neither_the_password_nor_the_plaintext_secrets_reach_the_disk()
    {
        const string password = "a very memorable passphrase";
        var privateKey = RandomNumberGenerator.GetBytes(32);
        const string neighbor = "masq://base-sepolia:UniqueNeighborKey@10.20.30.40:3456";
        configuration.ChangePassword(null, password);
        configuration.SetConsumingWalletPrivateKey(privateKey, password);
        configuration.SetPastNeighbors([neighbor], password);

        // Close this file's pooled connections first, so SQLite checkpoints the WAL into the database and removes the
        // -wal/-shm files now: another test clearing every pool could otherwise do it between listing and reading them.
        factory.ReleasePooledConnections();
        var onDisk = Directory.GetFiles(directory.Path, "node-data.db*").SelectMany(File.ReadAllBytes).ToArray();

        Assert.True(onDisk.Length > 0);
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(Encoding.UTF8.GetBytes(password)));
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(Encoding.UTF8.GetBytes("memorable")));
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(privateKey));
        Assert.Equal(-1, onDisk.AsSpan().IndexOf(Encoding.UTF8.GetBytes("UniqueNeighborKey")));
    }

    [Fact]
    public void The_key_is_derived_once_per_password_and_salt()
    {
        configuration.ChangePassword(null, "pw");
        var afterSetting = derivation.DerivationCount;

        for (var i = 0; i < 5; i++)
        {
            Assert.True(configuration.CheckPassword("pw"));
            configuration.SetLastCryptde([(byte)i], "pw");
            Assert.Equal(new[] { (byte)i }, configuration.GetLastCryptde("pw"));
        }

        Assert.Equal(afterSetting, derivation.DerivationCount);
    }

    [Fact]
    public void Plain_values_are_listed_without_the_encrypted_rows()
    {
        configuration.ChangePassword(null, "pw");

        var plain = configuration.ReadPlainValues();

        Assert.Equal(PersistenceFixtures.Chain, plain[ConfigNames.ChainName]);
        Assert.True(plain.ContainsKey(ConfigNames.KdfParams));
        Assert.DoesNotContain(ConfigNames.ExampleEncrypted, plain.Keys);
        Assert.DoesNotContain(ConfigNames.ConsumingWalletPrivateKey, plain.Keys);
    }

    private object? ReadRow(string row) => row switch
    {
        ConfigNames.GasPrice => configuration.GetGasPrice(),
        ConfigNames.ClandestinePort => configuration.GetClandestinePort(),
        ConfigNames.MinHops => configuration.GetMinHops(),
        ConfigNames.RatePack => configuration.GetRatePack(),
        ConfigNames.StartBlock => configuration.GetStartBlock(),
        ConfigNames.NeighborhoodMode => configuration.GetNeighborhoodMode(),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };
}
