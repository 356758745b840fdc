using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>The exit: charges its exit rates for the client data it writes to and reads from the server.</summary>
internal sealed record ExpectedExit(PublicKey Key, WalletAddress EarningWallet, RatePack Rates) : ExpectedService;
