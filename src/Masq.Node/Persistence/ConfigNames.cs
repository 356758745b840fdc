namespace Masq.Node.Persistence;

/// <summary>Names of the rows of the <c>config</c> table (spec §1.3), plus <see cref="KdfParams"/>.</summary>
internal static class ConfigNames
{
    public const string ExampleEncrypted = "example_encrypted";
    public const string BlockchainServiceUrl = "blockchain_service_url";
    public const string ChainName = "chain_name";
    public const string ClandestinePort = "clandestine_port";
    public const string ConsumingWalletPrivateKey = "consuming_wallet_private_key";
    public const string EarningWalletAddress = "earning_wallet_address";
    public const string NeighborhoodMode = "neighborhood_mode";
    public const string SchemaVersion = "schema_version";
    public const string StartBlock = "start_block";
    public const string GasPrice = "gas_price";
    public const string LastCryptde = "last_cryptde";
    public const string PastNeighbors = "past_neighbors";
    public const string MappingProtocol = "mapping_protocol";
    public const string MinHops = "min_hops";
    public const string PaymentThresholds = "payment_thresholds";
    public const string RatePack = "rate_pack";
    public const string ScanIntervals = "scan_intervals";
    public const string MaxBlockCount = "max_block_count";

    /// <summary>
    /// Our addition to the reference schema: the password KDF's algorithm, cost and salt (plaintext), null while the
    /// database has no password.
    /// </summary>
    public const string KdfParams = "kdf_params";

    /// <summary>The rows whose values are sealed with the password-derived key.</summary>
    public static readonly IReadOnlySet<string> Encrypted = new HashSet<string>(StringComparer.Ordinal)
    {
        ExampleEncrypted, ConsumingWalletPrivateKey, LastCryptde, PastNeighbors,
    };
}
