namespace Masq.Node.Persistence;

/// <summary>
/// Typed access to the <c>config</c> table. Numbers are returned parsed; combined settings (payment thresholds, rate
/// pack, scan intervals) in their stored <c>a|b|c</c> form, which <c>Masq.Lib.Configuration</c> parses. A missing or
/// unparsable stored value is a <see cref="ConfigValueException"/> naming the row, as is an invalid value to set.
/// Secrets need the database password: a wrong one is a <see cref="PasswordException"/> and changes nothing.
/// </summary>
internal interface IPersistentConfiguration
{
    /// <summary>Every plaintext row, by config name (values may be null).</summary>
    IReadOnlyDictionary<string, string?> ReadPlainValues();

    string? GetBlockchainServiceUrl();

    void SetBlockchainServiceUrl(string? url);

    /// <summary>Fixed when the database is created; there is no setter.</summary>
    string GetChainName();

    ushort GetClandestinePort();

    /// <summary>At least 1025.</summary>
    void SetClandestinePort(ushort port);

    string? GetEarningWalletAddress();

    /// <summary><c>0x</c> + 40 hex digits, stored lower-case; null clears.</summary>
    void SetEarningWalletAddress(string? address);

    /// <summary><c>standard</c>, <c>originate-only</c>, <c>consume-only</c> or <c>zero-hop</c>.</summary>
    string GetNeighborhoodMode();

    void SetNeighborhoodMode(string mode);

    /// <summary>Written only by migrations; there is no setter.</summary>
    int GetSchemaVersion();

    ulong? GetStartBlock();

    void SetStartBlock(ulong? block);

    /// <summary>In gwei, greater than zero.</summary>
    ulong GetGasPrice();

    void SetGasPrice(ulong gwei);

    /// <summary><c>pcp</c>, <c>pmp</c> or <c>igdp</c> (stored lower-case), or null.</summary>
    string? GetMappingProtocol();

    void SetMappingProtocol(string? protocol);

    /// <summary>1 to 6.</summary>
    int GetMinHops();

    void SetMinHops(int hops);

    /// <summary>Six unsigned integers joined by <c>|</c>, in the table order of spec §2.3.</summary>
    string GetPaymentThresholds();

    void SetPaymentThresholds(string thresholds);

    /// <summary>Four unsigned integers (wei) joined by <c>|</c>.</summary>
    string GetRatePack();

    void SetRatePack(string ratePack);

    /// <summary>Three unsigned integers (seconds) joined by <c>|</c>.</summary>
    string GetScanIntervals();

    void SetScanIntervals(string scanIntervals);

    /// <summary>Null means no limit.</summary>
    ulong? GetMaxBlockCount();

    void SetMaxBlockCount(ulong? count);

    bool IsPasswordSet();

    /// <summary>True when the password is the database password, or when none is given and none is set.</summary>
    bool CheckPassword(string? password);

    /// <summary>
    /// Sets (old = null on a database without a password) or changes the password, re-encrypting every secret under
    /// a new salt in one transaction. <see cref="PasswordAlreadySetException"/> when old is null but a password is
    /// set; <see cref="WrongPasswordException"/> when old does not match.
    /// </summary>
    void ChangePassword(string? oldPassword, string newPassword);

    /// <summary>Sets the password when the database has none (a Node started with a password); false if one is set.</summary>
    bool SetPasswordIfNone(string password);

    /// <summary>The raw 32-byte key, or null when none is stored.</summary>
    byte[]? GetConsumingWalletPrivateKey(string password);

    void SetConsumingWalletPrivateKey(byte[]? privateKey, string password);

    /// <summary>
    /// Stores a new pair of wallets in one transaction: the consuming key (encrypted) and the earning address, so
    /// that a failure leaves neither written.
    /// </summary>
    void SetWallets(byte[] consumingPrivateKey, string earningWalletAddress, string password);

    /// <summary>Node descriptors, or null when none are stored.</summary>
    IReadOnlyList<string>? GetPastNeighbors(string password);

    /// <summary>Null or an empty list clears.</summary>
    void SetPastNeighbors(IReadOnlyList<string>? descriptors, string password);

    /// <summary>The previous Node key pair (opaque bytes), or null.</summary>
    byte[]? GetLastCryptde(string password);

    void SetLastCryptde(byte[]? keyPair, string password);
}
