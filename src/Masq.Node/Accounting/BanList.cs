using System.Collections.Concurrent;
using Masq.Lib.Blockchains;

namespace Masq.Node.Accounting;

/// <summary>
/// The banned wallets when no database-backed list is composed in: an in-memory set, empty until someone bans a
/// wallet (tests do, to check that relays refuse its packages).
/// </summary>
internal sealed class BanList : IBannedWallets
{
    private readonly ConcurrentDictionary<WalletAddress, bool> _banned = new();

    public void Ban(WalletAddress wallet) => _banned[wallet] = true;

    public void Unban(WalletAddress wallet) => _banned.TryRemove(wallet, out _);

    public bool IsBanned(WalletAddress wallet) => _banned.ContainsKey(wallet);
}
