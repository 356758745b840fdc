using System.Globalization;

namespace Masq.Node.Persistence;

/// <summary>The config rows of a fresh database (spec §1.3).</summary>
internal static class ConfigDefaults
{
    public const string NeighborhoodMode = "standard";
    public const ulong GasPrice = 1;
    public const int MinHops = 3;
    public const string PaymentThresholds = "1000000000|1200|1200|500000000|21600|500000000";
    public const string RatePack = "53844|53844|107688|107688";
    public const string ScanIntervals = "600|600|600";

    /// <summary>Every row but <c>schema_version</c>, which the migrations write.</summary>
    public static IReadOnlyList<ConfigRow> FreshRows(string chainName, ushort clandestinePort) =>
    [
        Row(ConfigNames.ExampleEncrypted, null),
        Row(ConfigNames.BlockchainServiceUrl, null),
        Row(ConfigNames.ChainName, chainName),
        Row(ConfigNames.ClandestinePort, clandestinePort.ToString(CultureInfo.InvariantCulture)),
        Row(ConfigNames.ConsumingWalletPrivateKey, null),
        Row(ConfigNames.EarningWalletAddress, null),
        Row(ConfigNames.NeighborhoodMode, NeighborhoodMode),
        Row(ConfigNames.StartBlock, null),
        Row(ConfigNames.GasPrice, GasPrice.ToString(CultureInfo.InvariantCulture)),
        Row(ConfigNames.LastCryptde, null),
        Row(ConfigNames.PastNeighbors, null),
        Row(ConfigNames.MappingProtocol, null),
        Row(ConfigNames.MinHops, MinHops.ToString(CultureInfo.InvariantCulture)),
        Row(ConfigNames.PaymentThresholds, PaymentThresholds),
        Row(ConfigNames.RatePack, RatePack),
        Row(ConfigNames.ScanIntervals, ScanIntervals),
        Row(ConfigNames.MaxBlockCount, null),
        Row(ConfigNames.KdfParams, null),
    ];

    private static ConfigRow Row(string name, string? value) =>
        new() { Name = name, Value = value, Encrypted = ConfigNames.Encrypted.Contains(name) };
}
