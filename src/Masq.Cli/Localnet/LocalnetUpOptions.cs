using System.Net;

namespace Masq.Cli.Localnet;

/// <summary>Everything <c>localnet up</c> was given (or defaulted), already validated.</summary>
/// <param name="Count">How many Nodes, 1 to <see cref="LocalnetDefaults.MaxNodes"/>.</param>
/// <param name="BaseIp">The first Node's loopback address; the others count up from it.</param>
/// <param name="MinHops">The Nodes' <c>--min-hops</c>.</param>
/// <param name="DataDirectory">The localnet's directory: <c>localnet.json</c> and one <c>node-K</c> per Node.</param>
/// <param name="Chain">The Nodes' <c>--chain</c> (all Nodes of a network share one).</param>
/// <param name="DnsServers">The Nodes' <c>--dns-servers</c>, or null for their default.</param>
/// <param name="Mode">The Nodes' <c>--neighborhood-mode</c> (only <c>standard</c> makes a network on its own).</param>
/// <param name="AllowLoopbackTargets">Lets the Nodes exit to loopback targets (each Node's <c>--allow-loopback-targets on</c>).</param>
/// <param name="FirstPort">Where the search for free ports starts.</param>
/// <param name="LogLevel">The Nodes' <c>--log-level</c>.</param>
/// <param name="BlockchainServiceUrl">The Nodes' <c>--blockchain-service-url</c>, or null for a placeholder and no scans.</param>
/// <param name="PaymentThresholds">The Nodes' <c>--payment-thresholds</c>, or null for their default.</param>
/// <param name="ScanIntervals">The Nodes' <c>--scan-intervals</c>, or null for their default.</param>
/// <param name="RatePack">The Nodes' <c>--rate-pack</c>, or null for their default.</param>
internal sealed record LocalnetUpOptions(
    int Count,
    IPAddress BaseIp,
    int MinHops,
    string DataDirectory,
    string Chain,
    string? DnsServers,
    string Mode,
    bool AllowLoopbackTargets,
    int FirstPort,
    string LogLevel,
    string? BlockchainServiceUrl,
    string? PaymentThresholds = null,
    string? ScanIntervals = null,
    string? RatePack = null);
