using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>A relay: charges its routing rates for the sealed payload it carries.</summary>
internal sealed record ExpectedRouting(PublicKey Key, WalletAddress EarningWallet, RatePack Rates) : ExpectedService;
