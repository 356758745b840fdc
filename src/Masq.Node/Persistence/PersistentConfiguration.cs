using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Masq.Node.Persistence;

/// <summary>
/// The <c>config</c> table over a <see cref="NodeDatabaseFactory"/> (read-write for the Node; a read-only factory
/// serves the getters and password check). Thread-safe: each call uses its own short-lived context, and every
/// read-modify-write runs in an immediate (write-locking) SQLite transaction.
/// </summary>
/// <remarks>
/// Password scheme (DESIGN.md overrides the reference's PBKDF2/AES-CTR): the key is Argon2id(password, salt) with
/// the cost and salt stored in the plaintext <c>kdf_params</c> row; each secret row is sealed with
/// XChaCha20-Poly1305 under that key (<see cref="SecretSealer"/>). <c>example_encrypted</c> holds 32 random bytes
/// sealed the same way; the password is right exactly when it opens. The slow derivation always runs before a write
/// transaction begins, never while holding the write lock.
/// </remarks>
internal sealed class PersistentConfiguration(IDbContextFactory<NodeDatabase> databases, PasswordKeyDerivation keyDerivation)
    : IPersistentConfiguration
{
    private const int ExampleLength = 32;
    private const int PrivateKeyLength = 32;
    private const ushort LowestClandestinePort = 1025;
    private const int MaxHops = 6;

    private static readonly string[] NeighborhoodModes = ["standard", "originate-only", "consume-only", "zero-hop"];
    private static readonly string[] MappingProtocols = ["pcp", "pmp", "igdp"];

    /// <summary>
    /// Test seam: called inside the change-password transaction after each secret row is re-encrypted and written
    /// (not yet committed). Throwing from it must leave the database as it was.
    /// </summary>
    internal Action<string>? AfterRowReencrypted { get; set; }

    public IReadOnlyDictionary<string, string?> ReadPlainValues()
    {
        using var db = databases.CreateDbContext();
        return db.Config.AsNoTracking()
            .Where(row => !row.Encrypted)
            .ToDictionary(row => row.Name, row => row.Value, StringComparer.Ordinal);
    }

    public string? GetBlockchainServiceUrl() => ReadPlain(ConfigNames.BlockchainServiceUrl);

    public void SetBlockchainServiceUrl(string? url)
    {
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw new ConfigValueException(ConfigNames.BlockchainServiceUrl, $"'{url}' is not an absolute URL");
        }

        WritePlain(ConfigNames.BlockchainServiceUrl, url);
    }

    public string GetChainName() => ReadRequired(ConfigNames.ChainName);

    public ushort GetClandestinePort()
    {
        var value = ReadRequired(ConfigNames.ClandestinePort);
        return ushort.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port >= LowestClandestinePort
            ? port
            : throw Unparsable(ConfigNames.ClandestinePort, value);
    }

    public void SetClandestinePort(ushort port)
    {
        if (port < LowestClandestinePort)
        {
            throw new ConfigValueException(ConfigNames.ClandestinePort, $"{port} is below {LowestClandestinePort}");
        }

        WritePlain(ConfigNames.ClandestinePort, port.ToString(CultureInfo.InvariantCulture));
    }

    public string? GetEarningWalletAddress() => ReadPlain(ConfigNames.EarningWalletAddress);

    public void SetEarningWalletAddress(string? address)
    {
        string? normalized = null;
        if (address is not null && !ChainHex.TryNormalizeWallet(address, out normalized))
        {
            throw new ConfigValueException(ConfigNames.EarningWalletAddress, $"'{address}' is not a wallet address");
        }

        WritePlain(ConfigNames.EarningWalletAddress, normalized);
    }

    public string GetNeighborhoodMode()
    {
        var value = ReadRequired(ConfigNames.NeighborhoodMode);
        return NeighborhoodModes.Contains(value, StringComparer.Ordinal) ? value : throw Unparsable(ConfigNames.NeighborhoodMode, value);
    }

    public void SetNeighborhoodMode(string mode)
    {
        if (!NeighborhoodModes.Contains(mode, StringComparer.Ordinal))
        {
            throw new ConfigValueException(ConfigNames.NeighborhoodMode, $"'{mode}' is not one of {string.Join(", ", NeighborhoodModes)}");
        }

        WritePlain(ConfigNames.NeighborhoodMode, mode);
    }

    public int GetSchemaVersion()
    {
        var value = ReadRequired(ConfigNames.SchemaVersion);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw Unparsable(ConfigNames.SchemaVersion, value);
    }

    public ulong? GetStartBlock() => ReadOptionalUInt64(ConfigNames.StartBlock);

    public void SetStartBlock(ulong? block) => WritePlain(ConfigNames.StartBlock, block?.ToString(CultureInfo.InvariantCulture));

    public ulong GetGasPrice()
    {
        var value = ReadRequired(ConfigNames.GasPrice);
        return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var gwei) && gwei > 0
            ? gwei
            : throw Unparsable(ConfigNames.GasPrice, value);
    }

    public void SetGasPrice(ulong gwei)
    {
        if (gwei == 0)
        {
            throw new ConfigValueException(ConfigNames.GasPrice, "must be greater than zero");
        }

        WritePlain(ConfigNames.GasPrice, gwei.ToString(CultureInfo.InvariantCulture));
    }

    public string? GetMappingProtocol()
    {
        var value = ReadPlain(ConfigNames.MappingProtocol);
        return value is null || MappingProtocols.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Unparsable(ConfigNames.MappingProtocol, value);
    }

    public void SetMappingProtocol(string? protocol)
    {
        var normalized = protocol?.ToLowerInvariant();
        if (normalized is not null && !MappingProtocols.Contains(normalized, StringComparer.Ordinal))
        {
            throw new ConfigValueException(ConfigNames.MappingProtocol, $"'{protocol}' is not one of {string.Join(", ", MappingProtocols)}");
        }

        WritePlain(ConfigNames.MappingProtocol, normalized);
    }

    public int GetMinHops()
    {
        var value = ReadRequired(ConfigNames.MinHops);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) && hops is >= 1 and <= MaxHops
            ? hops
            : throw Unparsable(ConfigNames.MinHops, value);
    }

    public void SetMinHops(int hops)
    {
        if (hops is < 1 or > MaxHops)
        {
            throw new ConfigValueException(ConfigNames.MinHops, $"{hops} is not in 1..{MaxHops}");
        }

        WritePlain(ConfigNames.MinHops, hops.ToString(CultureInfo.InvariantCulture));
    }

    public string GetPaymentThresholds() => ReadNumberList(ConfigNames.PaymentThresholds, 6);

    public void SetPaymentThresholds(string thresholds) => WriteNumberList(ConfigNames.PaymentThresholds, thresholds, 6);

    public string GetRatePack() => ReadNumberList(ConfigNames.RatePack, 4);

    public void SetRatePack(string ratePack) => WriteNumberList(ConfigNames.RatePack, ratePack, 4);

    public string GetScanIntervals() => ReadNumberList(ConfigNames.ScanIntervals, 3);

    public void SetScanIntervals(string scanIntervals) => WriteNumberList(ConfigNames.ScanIntervals, scanIntervals, 3);

    public ulong? GetMaxBlockCount() => ReadOptionalUInt64(ConfigNames.MaxBlockCount);

    public void SetMaxBlockCount(ulong? count) => WritePlain(ConfigNames.MaxBlockCount, count?.ToString(CultureInfo.InvariantCulture));

    public bool IsPasswordSet()
    {
        using var db = databases.CreateDbContext();
        var (example, kdf) = ReadPasswordRows(db);
        return example is not null || kdf is not null;
    }

    public bool CheckPassword(string? password)
    {
        string? example;
        string? kdf;
        using (var db = databases.CreateDbContext())
        {
            (example, kdf) = ReadPasswordRows(db);
        }

        if (example is null && kdf is null)
        {
            return password is null;
        }

        if (password is null)
        {
            return false;
        }

        var key = TryUnlock(example, kdf, password);
        if (key is null)
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(key);
        return true;
    }

    public void ChangePassword(string? oldPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        string? example;
        string? kdf;
        using (var db = databases.CreateDbContext())
        {
            (example, kdf) = ReadPasswordRows(db);
        }

        byte[]? oldKey = null;
        if (example is not null || kdf is not null)
        {
            if (oldPassword is null)
            {
                throw new PasswordAlreadySetException();
            }

            oldKey = TryUnlock(example, kdf, oldPassword) ?? throw new WrongPasswordException();
        }
        else if (oldPassword is not null)
        {
            throw new WrongPasswordException("The database has no password yet; give no old password to set one");
        }

        var newParameters = keyDerivation.NewParameters();
        var newKey = keyDerivation.DeriveKey(newPassword, newParameters);
        try
        {
            ReencryptAll(example, kdf, oldKey, newKey, newParameters);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(newKey);
            if (oldKey is not null)
            {
                CryptographicOperations.ZeroMemory(oldKey);
            }
        }
    }

    public bool SetPasswordIfNone(string password)
    {
        try
        {
            ChangePassword(null, password);
            return true;
        }
        catch (PasswordAlreadySetException)
        {
            return false;
        }
    }

    public byte[]? GetConsumingWalletPrivateKey(string password) => ReadSecret(ConfigNames.ConsumingWalletPrivateKey, password);

    public void SetConsumingWalletPrivateKey(byte[]? privateKey, string password)
    {
        if (privateKey is not null && privateKey.Length != PrivateKeyLength)
        {
            throw new ConfigValueException(ConfigNames.ConsumingWalletPrivateKey, $"must be {PrivateKeyLength} bytes, not {privateKey.Length}");
        }

        WriteSecret(ConfigNames.ConsumingWalletPrivateKey, privateKey, password);
    }

    public void SetWallets(byte[] consumingPrivateKey, string earningWalletAddress, string password)
    {
        ArgumentNullException.ThrowIfNull(consumingPrivateKey);
        if (consumingPrivateKey.Length != PrivateKeyLength)
        {
            throw new ConfigValueException(ConfigNames.ConsumingWalletPrivateKey, $"must be {PrivateKeyLength} bytes, not {consumingPrivateKey.Length}");
        }

        if (!ChainHex.TryNormalizeWallet(earningWalletAddress, out var earning))
        {
            throw new ConfigValueException(ConfigNames.EarningWalletAddress, $"'{earningWalletAddress}' is not a wallet address");
        }

        string? example;
        string? kdf;
        using (var db = databases.CreateDbContext())
        {
            (example, kdf) = ReadPasswordRows(db);
        }

        var key = Unlock(example, kdf, password);
        try
        {
            using var db = databases.CreateDbContext();
            using var transaction = db.Database.BeginTransaction();
            EnsurePasswordUnchanged(db, example, kdf);
            var consuming = TrackedRow(db, ConfigNames.ConsumingWalletPrivateKey);
            consuming.Encrypted = true;
            consuming.Value = SecretSealer.Seal(consumingPrivateKey, key, ConfigNames.ConsumingWalletPrivateKey);
            TrackedRow(db, ConfigNames.EarningWalletAddress).Value = earning;
            db.SaveChanges();
            transaction.Commit();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public IReadOnlyList<string>? GetPastNeighbors(string password)
    {
        var plaintext = ReadSecret(ConfigNames.PastNeighbors, password);
        if (plaintext is null)
        {
            return null;
        }

        try
        {
            var descriptors = JsonSerializer.Deserialize<string[]>(plaintext);
            return descriptors is not null && Array.TrueForAll(descriptors, descriptor => !string.IsNullOrEmpty(descriptor))
                ? descriptors
                : throw new ConfigValueException(ConfigNames.PastNeighbors, "is not a list of descriptors");
        }
        catch (JsonException)
        {
            throw new ConfigValueException(ConfigNames.PastNeighbors, "is not a list of descriptors");
        }
    }

    public void SetPastNeighbors(IReadOnlyList<string>? descriptors, string password)
    {
        if (descriptors is not null && descriptors.Any(string.IsNullOrEmpty))
        {
            throw new ConfigValueException(ConfigNames.PastNeighbors, "a descriptor is empty");
        }

        var plaintext = descriptors is null || descriptors.Count == 0 ? null : JsonSerializer.SerializeToUtf8Bytes(descriptors.ToArray());
        WriteSecret(ConfigNames.PastNeighbors, plaintext, password);
    }

    public byte[]? GetLastCryptde(string password) => ReadSecret(ConfigNames.LastCryptde, password);

    public void SetLastCryptde(byte[]? keyPair, string password)
    {
        if (keyPair is { Length: 0 })
        {
            throw new ConfigValueException(ConfigNames.LastCryptde, "is empty");
        }

        WriteSecret(ConfigNames.LastCryptde, keyPair, password);
    }

    private static (string? Example, string? Kdf) ReadPasswordRows(NodeDatabase db)
    {
        var rows = db.Config.AsNoTracking()
            .Where(row => row.Name == ConfigNames.ExampleEncrypted || row.Name == ConfigNames.KdfParams)
            .ToDictionary(row => row.Name, row => row.Value, StringComparer.Ordinal);
        return (rows.GetValueOrDefault(ConfigNames.ExampleEncrypted), rows.GetValueOrDefault(ConfigNames.KdfParams));
    }

    private static ConfigValueException Unparsable(string name, string value) => new(name, $"stored value '{value}' cannot be parsed");

    private static bool IsNumberList(string value, int count)
    {
        var parts = value.Split('|');
        return parts.Length == count
            && Array.TrueForAll(parts, part => ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    // The key when the password opens the example, null when it does not (or no password is set).
    private byte[]? TryUnlock(string? example, string? kdf, string password)
    {
        if (example is null || kdf is null)
        {
            return null;
        }

        var key = keyDerivation.DeriveKey(password, KdfParameters.Parse(kdf));
        if (SecretSealer.TryOpen(example, key, ConfigNames.ExampleEncrypted, out var plaintext))
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return key;
        }

        CryptographicOperations.ZeroMemory(key);
        return null;
    }

    private byte[] Unlock(string? example, string? kdf, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (example is null && kdf is null)
        {
            throw new PasswordNotSetException();
        }

        return TryUnlock(example, kdf, password) ?? throw new WrongPasswordException();
    }

    private byte[]? ReadSecret(string name, string password)
    {
        Dictionary<string, string?> rows;
        using (var db = databases.CreateDbContext())
        {
            rows = db.Config.AsNoTracking()
                .Where(row => row.Name == ConfigNames.ExampleEncrypted || row.Name == ConfigNames.KdfParams || row.Name == name)
                .ToDictionary(row => row.Name, row => row.Value, StringComparer.Ordinal);
        }

        var key = Unlock(rows.GetValueOrDefault(ConfigNames.ExampleEncrypted), rows.GetValueOrDefault(ConfigNames.KdfParams), password);
        try
        {
            var sealedValue = rows.GetValueOrDefault(name);
            if (sealedValue is null)
            {
                return null;
            }

            return SecretSealer.TryOpen(sealedValue, key, name, out var plaintext)
                ? plaintext
                : throw new ConfigValueException(name, "cannot be decrypted with the database password");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private void WriteSecret(string name, byte[]? plaintext, string password)
    {
        string? example;
        string? kdf;
        using (var db = databases.CreateDbContext())
        {
            (example, kdf) = ReadPasswordRows(db);
        }

        var key = Unlock(example, kdf, password);
        try
        {
            using var db = databases.CreateDbContext();
            using var transaction = db.Database.BeginTransaction();
            EnsurePasswordUnchanged(db, example, kdf);
            var row = TrackedRow(db, name);
            row.Encrypted = true;
            row.Value = plaintext is null ? null : SecretSealer.Seal(plaintext, key, name);
            db.SaveChanges();
            transaction.Commit();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private void ReencryptAll(string? example, string? kdf, byte[]? oldKey, byte[] newKey, KdfParameters newParameters)
    {
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        EnsurePasswordUnchanged(db, example, kdf);
        var secrets = db.Config
            .Where(row => row.Encrypted && row.Value != null && row.Name != ConfigNames.ExampleEncrypted)
            .OrderBy(row => row.Name)
            .ToList();
        foreach (var row in secrets)
        {
            byte[]? plaintext = null;
            if (oldKey is null || !SecretSealer.TryOpen(row.Value!, oldKey, row.Name, out plaintext))
            {
                throw new ConfigValueException(row.Name, "cannot be decrypted with the database password");
            }

            row.Value = SecretSealer.Seal(plaintext, newKey, row.Name);
            CryptographicOperations.ZeroMemory(plaintext);
            db.SaveChanges();
            AfterRowReencrypted?.Invoke(row.Name);
        }

        var exampleRow = TrackedRow(db, ConfigNames.ExampleEncrypted);
        exampleRow.Encrypted = true;
        exampleRow.Value = SecretSealer.Seal(RandomNumberGenerator.GetBytes(ExampleLength), newKey, ConfigNames.ExampleEncrypted);
        TrackedRow(db, ConfigNames.KdfParams).Value = newParameters.Format();
        db.SaveChanges();
        transaction.Commit();
    }

    // Inside a write transaction: the password rows still hold what the (slow) key derivation was checked against.
    private static void EnsurePasswordUnchanged(NodeDatabase db, string? example, string? kdf)
    {
        var (currentExample, currentKdf) = ReadPasswordRows(db);
        if (!string.Equals(currentExample, example, StringComparison.Ordinal) || !string.Equals(currentKdf, kdf, StringComparison.Ordinal))
        {
            throw new WrongPasswordException("The database password was changed meanwhile");
        }
    }

    private static ConfigRow TrackedRow(NodeDatabase db, string name)
    {
        var row = db.Config.Find(name);
        if (row is null)
        {
            row = new ConfigRow { Name = name, Encrypted = ConfigNames.Encrypted.Contains(name) };
            db.Config.Add(row);
        }

        return row;
    }

    private string? ReadPlain(string name)
    {
        using var db = databases.CreateDbContext();
        var row = db.Config.AsNoTracking().SingleOrDefault(row => row.Name == name)
            ?? throw new ConfigValueException(name, "is missing from the database");
        return row.Value;
    }

    private string ReadRequired(string name) => ReadPlain(name) ?? throw new ConfigValueException(name, "has no value");

    private ulong? ReadOptionalUInt64(string name)
    {
        var value = ReadPlain(name);
        if (value is null)
        {
            return null;
        }

        return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw Unparsable(name, value);
    }

    private string ReadNumberList(string name, int count)
    {
        var value = ReadRequired(name);
        return IsNumberList(value, count) ? value : throw Unparsable(name, value);
    }

    private void WriteNumberList(string name, string value, int count)
    {
        if (value is null || !IsNumberList(value, count))
        {
            throw new ConfigValueException(name, $"'{value}' is not {count} unsigned integers separated by '|'");
        }

        WritePlain(name, value);
    }

    private void WritePlain(string name, string? value)
    {
        using var db = databases.CreateDbContext();
        using var transaction = db.Database.BeginTransaction();
        var row = TrackedRow(db, name);
        if (row.Encrypted)
        {
            throw new InvalidOperationException($"Config row {name} is encrypted; write it with its password.");
        }

        row.Value = value;
        db.SaveChanges();
        transaction.Commit();
    }
}
