namespace Masq.Lib.Configuration;

/// <summary>The names of the Node's parameters, as used for <c>--name</c>, setup, TOML keys and <c>MASQ_NAME</c>.</summary>
public static class ParameterNames
{
    public const string AllowLoopbackTargets = "allow-loopback-targets";
    public const string BlockchainServiceUrl = "blockchain-service-url";
    public const string Chain = "chain";
    public const string ClandestinePort = "clandestine-port";
    public const string ConfigFile = "config-file";
    public const string ConsumingPrivateKey = "consuming-private-key";
    public const string CrashPoint = "crash-point";
    public const string DataDirectory = "data-directory";
    public const string DbPassword = "db-password";
    public const string DnsServers = "dns-servers";
    public const string EarningWallet = "earning-wallet";
    public const string FakePublicKey = "fake-public-key";
    public const string GasPrice = "gas-price";
    public const string Ip = "ip";
    public const string LogLevel = "log-level";
    public const string MappingProtocol = "mapping-protocol";
    public const string MinHops = "min-hops";
    public const string NeighborhoodMode = "neighborhood-mode";
    public const string Neighbors = "neighbors";
    public const string NewPublicKey = "new-public-key";
    public const string PaymentThresholds = "payment-thresholds";
    public const string ProxyPort = "proxy-port";
    public const string RatePack = "rate-pack";
    public const string RealUser = "real-user";
    public const string ScanIntervals = "scan-intervals";
    public const string Scans = "scans";
    public const string SocksPort = "socks-port";
    public const string UiPort = "ui-port";
}
