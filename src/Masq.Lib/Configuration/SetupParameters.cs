using System.Diagnostics.CodeAnalysis;
using Masq.Lib.Blockchains;
using Masq.Lib.Neighborhood;
using N = Masq.Lib.Configuration.ParameterNames;

namespace Masq.Lib.Configuration;

/// <summary>
/// The schema of the Node's parameters (ui-daemon-cli-config §4.1 plus <c>proxy-port</c> and <c>socks-port</c>): every parameter a Node
/// accepts, of which all but <c>fake-public-key</c> and <c>ui-port</c> are also setup parameters.
/// </summary>
public static class SetupParameters
{
    public const string DefaultConfigFileName = "config.toml";
    public const int DefaultUiPort = 5333;
    public const int DefaultProxyPort = 8118;
    public const int MinMinHops = 1;
    public const int MaxMinHops = 6;

    private static readonly Dictionary<string, SetupParameter> ByName;

    static SetupParameters()
    {
        SetupParameter[] parameters =
        [
            new(N.AllowLoopbackTargets,
                "For testing with servers on this computer: whether the Node carries requests for loopback addresses (localhost, 127.x.x.x, ::1) and, as an exit, connects to them. Never on a Node that serves others: strangers could reach services that listen only on its machine.",
                "on|off", "off", "off", Requirement.Never,
                v => ValueFormats.TryParseOnOff(v, out _, out var e) ? null : e),
            new(N.BlockchainServiceUrl,
                "URL of the blockchain service (JSON-RPC over HTTP) the Node uses to pay and to check payments, e.g. https://mainnet.base.org.",
                "http:// or https:// URL", "the value stored in the database", null, Requirement.UnlessZeroHopOrTestHook,
                v => ValueFormats.TryParseServiceUrl(v, out _, out var e) ? null : e),
            new(N.Chain,
                "The blockchain network the Node pays and is paid on; all Nodes of a network use the same one.",
                Chain.ValidIdsText.Replace(", ", "|", StringComparison.Ordinal), Chain.Default.Id, Chain.Default.Id, Requirement.Always,
                v => Chain.TryParse(v, out _, out var e) ? null : "Invalid value: " + e),
            new(N.ClandestinePort,
                "The port other Nodes use to reach this Node; forward it on your router. Only used in standard mode.",
                "1025-65535", "the value stored in the database; a random free port from 1025 to 9998 when the database is created",
                null, Requirement.StandardOnly,
                v => ValueFormats.TryParsePort(v, out _, out var e) ? null : e),
            new(N.ConfigFile,
                "The TOML file with further settings (scalar values only). A relative path is relative to the data directory; ./ and ../ to the current directory. Never read from the file itself.",
                "path", $"{DefaultConfigFileName} in the data directory", DefaultConfigFileName, Requirement.Never,
                ValidatePath),
            new(N.ConsumingPrivateKey,
                "Private key of the wallet the Node pays other Nodes from, for this run only; must equal the stored one if there is one.",
                "64 hexadecimal digits", "none", null, Requirement.Never,
                v => PrivateKeyFormat.IsValid(v) ? null : PrivateKeyFormat.InvalidReason, isSecret: true),
            new(N.CrashPoint,
                "Test hook: where the Node deliberately crashes.",
                "none|panic|error|message", "none", null, Requirement.Never,
                v => ValueFormats.TryParseCrashPoint(v, out _, out var e) ? null : e, isHidden: true),
            new(N.DataDirectory,
                "The directory for the Node's database, configuration file and logs. Set through setup, the chain name is appended unless the path already ends with it.",
                "path (~/ is your home directory)", "<home>/.local/share/MASQ/<chain> (Library/Application Support on macOS, AppData\\Local on Windows)",
                null, Requirement.Always, ValidatePath),
            new(N.DbPassword,
                "Password that unlocks the secrets in the Node's database (consuming wallet, past neighbors, the Node's key). Never stored.",
                "any text", "none", null, Requirement.UnlessZeroHop,
                _ => null, isSecret: true),
            new(N.DnsServers,
                "DNS servers the Node uses to resolve names for the traffic it exits.",
                "comma-separated IP addresses", "the system's resolvers, none if any of them is a loopback address (then 1.1.1.1)",
                null, Requirement.UnlessConsumeOnly,
                v => ValueFormats.TryParseDnsServers(v, out _, out var e) ? null : e),
            new(N.EarningWallet,
                "Address of the wallet other Nodes pay this Node into; must equal the stored one if there is one. Without it, earnings go to MASQ.",
                "0x followed by 40 hexadecimal digits", "none (MASQ's wallet " + WalletAddress.DefaultEarningWallet + ")", null, Requirement.Never,
                v => WalletAddress.TryParse(v, out _, out var e) ? null : e),
            new(N.FakePublicKey,
                "Test hook: use this Base64 public key and no real cryptography.",
                "Base64", "none", null, Requirement.Never,
                v => IsBase64(v) ? null : $"Invalid value '{v}': must be Base64",
                isHidden: true, isSetupParameter: false),
            new(N.GasPrice,
                "The most the Node pays per unit of gas for its payments, in gwei.",
                "whole number above 0", "the value stored in the database, 1 for a new one", "1", Requirement.UnlessZeroHop,
                v => ValueFormats.TryParseUInt64(v, 1, out _, out var e) ? null : e),
            new(N.Ip,
                "The public IPv4 address other Nodes can reach this Node at. Not allowed in zero-hop mode.",
                "IPv4 address", "none (found by port mapping)", null, Requirement.Never,
                v => ValueFormats.TryParseIp(v, out _, out var e) ? null : e),
            new(N.LogLevel,
                "How much the Node writes to its log file.",
                "off|error|warn|info|debug|trace", "warn", "warn", Requirement.Always,
                v => ValueFormats.TryParseLogLevel(v, out _, out var e) ? null : e),
            new(N.MappingProtocol,
                "The router port-mapping protocol to try first.",
                "pcp|pmp|igdp", "the last one that worked, from the database", null, Requirement.Never,
                v => ValueFormats.TryParseMappingProtocol(v, out _, out var e) ? null : e),
            new(N.MinHops,
                "The fewest Nodes a route passes through; more hops, more privacy, more cost.",
                $"{MinMinHops}-{MaxMinHops}", "3", "3", Requirement.Never,
                v => ValueFormats.TryParseInt(v, MinMinHops, MaxMinHops, out _, out var e) ? null : e),
            new(N.NeighborhoodMode,
                "How the Node relates to other Nodes: standard (routes and exits), originate-only (opens connections only), consume-only (uses the network only), zero-hop (no network, for testing).",
                "zero-hop|originate-only|consume-only|standard", "standard", "standard", Requirement.Always,
                v => ValueFormats.TryParseNeighborhoodMode(v, out _, out var e) ? null : e),
            new(N.Neighbors,
                "Descriptors of Nodes to contact first, comma-separated.",
                "masq://<chain>:<key>@<ip>:<port>[/<port>...],...", "past neighbors from the database, when the database password is known",
                null, Requirement.OriginateOnlyOrConsumeOnly, ValidateNeighbors),
            new(N.NewPublicKey,
                "Whether the Node makes itself a new key pair instead of reusing the stored one.",
                "on|off", "off", null, Requirement.Never,
                v => ValueFormats.TryParseOnOff(v, out _, out var e) ? null : e),
            new(N.PaymentThresholds,
                "The debt policy: debt threshold (gwei), maturity (s), grace period (s), permanent debt allowed (gwei), threshold interval (s), unban-below (gwei).",
                "debtGwei|maturitySec|graceSec|permanentDebtGwei|intervalSec|unbanBelowGwei", PaymentThresholds.Default.ToString(),
                PaymentThresholds.Default.ToString(), Requirement.Always,
                v => PaymentThresholds.TryParse(v, out _, out var e) ? null : e),
            new(N.ProxyPort,
                "Local port of the Node's forward proxy for browsers and tools (HTTP absolute-form and CONNECT); 0 turns it off.",
                "0 or 1025-65535", DefaultProxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DefaultProxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Requirement.Never, ValidateProxyPort),
            new(N.RatePack,
                "What this Node charges, in wei: per routed byte, per routing service, per exited byte, per exit service.",
                "routingByte|routingService|exitByte|exitService", RatePack.Default.ToString(), RatePack.Default.ToString(),
                Requirement.StandardOrOriginateOnly,
                v => RatePack.TryParse(v, out _, out var e) ? null : e),
            new(N.RealUser,
                "The user the Node runs as after start-up (not on Windows).",
                "uid:gid:home", "the user who ran sudo, else the current user", null, Requirement.Never,
                v => RealUser.TryParse(v, out _, out var e) ? null : e),
            new(N.ScanIntervals,
                "Seconds between automatic scans for pending payables, payables and receivables.",
                "pendingPayableSec|payableSec|receivableSec", ScanIntervals.Default.ToString(), ScanIntervals.Default.ToString(),
                Requirement.Always,
                v => ScanIntervals.TryParse(v, out _, out var e) ? null : e),
            new(N.Scans,
                "Whether the Node scans for payables and receivables automatically.",
                "on|off", "on", "on", Requirement.Never,
                v => ValueFormats.TryParseOnOff(v, out _, out var e) ? null : e),
            new(N.SocksPort,
                "Local port of the Node's SOCKS5 proxy (RFC 1928, no authentication, CONNECT only) on 127.0.0.1, for browsers and tools that send host names for the exit to resolve (curl --socks5-hostname, Chromium --proxy-server=socks5://); 0 turns it off. Commonly 1080.",
                "0 or 1025-65535", "0 (off)", "0", Requirement.Never, ValidateProxyPort),
            new(N.UiPort,
                "The port of the Node's UI endpoint on 127.0.0.1; chosen by the Daemon.",
                "1025-65535", DefaultUiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DefaultUiPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Requirement.Never,
                v => ValueFormats.TryParsePort(v, out _, out var e) ? null : e, isSetupParameter: false),
        ];
        All = parameters.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
        SetupOnly = All.Where(p => p.IsSetupParameter).ToArray();
    }

    /// <summary>Every parameter the Node accepts, sorted by name.</summary>
    public static IReadOnlyList<SetupParameter> All { get; }

    /// <summary>The parameters setup accepts and reports, sorted by name.</summary>
    public static IReadOnlyList<SetupParameter> SetupOnly { get; }

    public static bool TryGet(string? name, [NotNullWhen(true)] out SetupParameter? parameter)
    {
        parameter = null;
        return name is not null && ByName.TryGetValue(name, out parameter);
    }

    public static SetupParameter Get(string name) =>
        ByName.TryGetValue(name, out var parameter) ? parameter : throw new ArgumentException($"Unknown parameter '{name}'.", nameof(name));

    private static string? ValidatePath(string value) =>
        value.Contains('\0', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(value)
            ? "Invalid value: must be a file-system path"
            : null;

    private static string? ValidateProxyPort(string value) =>
        value == "0" || ValueFormats.TryParsePort(value, out _, out _)
            ? null
            : $"Invalid value '{value}': must be 0 (off) or a port from {NodeAddr.MinPort} to {NodeAddr.MaxPort}";

    private static string? ValidateNeighbors(string value)
    {
        foreach (var item in value.Split(','))
        {
            if (!NodeDescriptor.TryParse(item.Trim(), out _, out var error))
            {
                return error;
            }
        }

        return null;
    }

    private static bool IsBase64(string value)
    {
        var normalized = value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        if (normalized.Length % 4 == 1)
        {
            return false;
        }

        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var buffer = new byte[normalized.Length];
        return Convert.TryFromBase64String(normalized, buffer, out var written) && written > 0;
    }
}
