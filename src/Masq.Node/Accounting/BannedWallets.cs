using System.Collections.Concurrent;
using Masq.Lib.Blockchains;
using Masq.Node.Persistence;

namespace Masq.Node.Accounting;

/// <summary>
/// The delinquency bans: the <c>banned</c> table plus an in-memory cache loaded at start-up, so the Hopper's
/// per-package <see cref="IsBanned"/> never touches the database. Only the receivable scan bans and unbans.
/// </summary>
internal sealed class BannedWallets : IBannedWallets
{
    private readonly BannedDao _dao;
    private readonly ConcurrentDictionary<WalletAddress, byte> _cache = new();

    public BannedWallets(BannedDao dao)
    {
        _dao = dao;
        foreach (var wallet in dao.List())
        {
            _cache[WalletAddress.Parse(wallet)] = 0;
        }
    }

    public int Count => _cache.Count;

    public bool IsBanned(WalletAddress wallet) => _cache.ContainsKey(wallet);

    /// <summary>Bans a wallet (database first, then the cache); false if it already was.</summary>
    public bool Ban(WalletAddress wallet)
    {
        var added = _dao.Ban(wallet.ToString());
        _cache[wallet] = 0;
        return added;
    }

    /// <summary>Unbans a wallet; false if it was not banned.</summary>
    public bool Unban(WalletAddress wallet)
    {
        var removed = _dao.Unban(wallet.ToString());
        _cache.TryRemove(wallet, out _);
        return removed;
    }
}
