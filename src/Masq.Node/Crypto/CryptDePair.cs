namespace Masq.Node.Crypto;

/// <summary>
/// The Node's two identities (data-path.md §4). <see cref="Main"/> is the network identity: gossip, routes, hops,
/// package decryption, payer digests; it persists across restarts. <see cref="Alias"/> is new at every start and
/// is used only as the originator key of client requests, so an exit cannot link responses to the originator.
/// </summary>
internal sealed record CryptDePair(ICryptDE Main, ICryptDE Alias)
{
    public static CryptDePair WithFreshAlias(ICryptDE main) => new(main, main.CreateAlias());
}
