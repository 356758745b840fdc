using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.Routing;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>One Node of an in-process mesh: its address, ports, keys and what it is told.</summary>
internal sealed record MeshNodeSpec(IPAddress Ip, int ClandestinePort, int ProxyPort, ICryptDE Main)
{
    public NeighborhoodMode Mode { get; init; } = NeighborhoodMode.Standard;

    /// <summary>The SOCKS5 port on 127.0.0.1; 0: off.</summary>
    public int SocksPort { get; init; }

    public IReadOnlyList<IPAddress> DnsServers { get; init; } = [];

    public string? ConsumingPrivateKey { get; init; }

    public WalletAddress EarningWallet { get; init; } = WalletAddress.DefaultEarningWallet;

    public RatePack RatePack { get; init; } = RatePack.Default;

    /// <summary>The mesh's directory (keys → addresses, wallets, rates); shared by all Nodes of a test mesh.</summary>
    public NodeDirectory? Directory { get; init; }

    /// <summary>The round trips this Node hands out when it originates; null: zero-hop or none.</summary>
    public IReadOnlyList<FixedRoute>? Routes { get; init; }

    public DataPathOptions Options { get; init; } = new() { AllowLoopbackTargets = true };

    /// <summary>How the Accountant writes its charges; null: as the product does.</summary>
    public AccountantOptions? Accountant { get; init; }

    /// <summary>Listening sockets for the transparent styles (ports 80/443 in production), or null.</summary>
    public PrivilegedBrowserSockets? TransparentSockets { get; init; }

    public IPEndPoint ClandestineEndpoint => new(Ip, ClandestinePort);
}
