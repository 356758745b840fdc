using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Neighborhood;

namespace Masq.Lib.Configuration;

/// <summary>
/// The Node's configuration after all sources are merged and every value is checked. Built only by
/// <see cref="NodeSettingsBuilder"/>; <see cref="ToString"/> never shows the secrets.
/// </summary>
public sealed class NodeSettings
{
    public required Chain Chain { get; init; }

    /// <summary>Absolute; holds <c>node-data.db</c>, the logs and (by default) <c>config.toml</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The resolved path of the configuration file (which may not exist).</summary>
    public required string ConfigFile { get; init; }

    /// <summary>Port of the Node's UI endpoint on 127.0.0.1 (given by the Daemon; not a setup parameter).</summary>
    public required int UiPort { get; init; }

    /// <summary>Null: take the port stored in the database, or choose one when it is created.</summary>
    public required int? ClandestinePort { get; init; }

    /// <summary>The public IPv4 address; null means unknown (found by port mapping).</summary>
    public required IPAddress? Ip { get; init; }

    public required NeighborhoodMode NeighborhoodMode { get; init; }

    /// <summary>First contacts; each is on <see cref="Chain"/> and has an address (past neighbors when none were given).</summary>
    public required IReadOnlyList<NodeDescriptor> Neighbors { get; init; }

    /// <summary>Resolvers for exit traffic; empty means the built-in fallback (1.1.1.1).</summary>
    public required IReadOnlyList<IPAddress> DnsServers { get; init; }

    public required NodeLogLevel LogLevel { get; init; }

    public required int MinHops { get; init; }

    /// <summary>The configured rate pack; see <see cref="EffectiveRatePack"/> for what the Node charges.</summary>
    public required RatePack RatePack { get; init; }

    public required PaymentThresholds PaymentThresholds { get; init; }

    public required ScanIntervals ScanIntervals { get; init; }

    public required bool ScansEnabled { get; init; }

    /// <summary>Gwei per unit of gas.</summary>
    public required ulong GasPrice { get; init; }

    /// <summary>Null only where it may be missing (zero-hop, test hooks).</summary>
    public required Uri? BlockchainServiceUrl { get; init; }

    /// <summary>Null: none configured (see <see cref="EffectiveEarningWallet"/>).</summary>
    public required WalletAddress? EarningWallet { get; init; }

    /// <summary>Secret: 64 hexadecimal digits, or null.</summary>
    public required string? ConsumingPrivateKey { get; init; }

    /// <summary>Secret.</summary>
    public required string? DbPassword { get; init; }

    public required bool NewPublicKey { get; init; }

    /// <summary>The user to drop to, with every part filled in (on Windows, not used).</summary>
    public required RealUser RealUser { get; init; }

    /// <summary>Null: try the one that worked last, then the others.</summary>
    public required MappingProtocol? MappingProtocol { get; init; }

    public required CrashPoint CrashPoint { get; init; }

    /// <summary>Test hook: a Base64 public key to use instead of real cryptography, or null.</summary>
    public required string? FakePublicKey { get; init; }

    /// <summary>The local forward-proxy port; 0 when the proxy is off.</summary>
    public required int ProxyPort { get; init; }

    /// <summary>The local SOCKS5 port; 0 (the default) when SOCKS5 is off.</summary>
    public int SocksPort { get; init; }

    /// <summary>
    /// Whether browsers may ask for loopback hosts and this exit may connect to loopback addresses
    /// (<c>--allow-loopback-targets on</c>); for testing against servers on this computer only.
    /// </summary>
    public bool AllowLoopbackTargets { get; init; }

    /// <summary>Consume-only and zero-hop Nodes charge nothing whatever is configured.</summary>
    public RatePack EffectiveRatePack =>
        NeighborhoodMode is NeighborhoodMode.ConsumeOnly or NeighborhoodMode.ZeroHop ? RatePack.Zero : RatePack;

    public WalletAddress EffectiveEarningWallet => EarningWallet ?? WalletAddress.DefaultEarningWallet;

    public override string ToString() =>
        $"chain {Chain.Id}, data directory {DataDirectory}, mode {NeighborhoodMode.ToText()}, clandestine port {ClandestinePort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(stored)"}, "
        + $"{Neighbors.Count} neighbor(s), log level {LogLevel.ToText()}, min hops {MinHops}, rate pack {RatePack}, "
        + $"consuming key {(ConsumingPrivateKey is null ? "none" : "(secret)")}, db password {(DbPassword is null ? "none" : "(secret)")}";
}
