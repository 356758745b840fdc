using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>What a route needs to know about one Node: its key, where it listens, whom it earns for and its rates.</summary>
/// <param name="Endpoint">Its clandestine listener; null when it accepts no connections.</param>
internal sealed record RouteNode(PublicKey Key, IPEndPoint? Endpoint, WalletAddress EarningWallet, RatePack Rates);
