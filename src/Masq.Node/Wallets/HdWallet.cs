using NBitcoin;

namespace Masq.Node.Wallets;

/// <summary>BIP-32 derivation of secp256k1 private keys from a BIP-39 seed (NBitcoin).</summary>
internal static class HdWallet
{
    /// <summary>The 32-byte private key at <paramref name="path"/> below the master key of <paramref name="seed"/>.</summary>
    public static byte[] DerivePrivateKey(ReadOnlySpan<byte> seed, DerivationPath path)
    {
        var master = ExtKey.CreateFromSeed(seed.ToArray());
        var child = master.Derive(path.KeyPath);
        return child.PrivateKey.ToBytes();
    }

    /// <summary>The extended private key (xprv, Base58Check) at a path: what the BIP-32 test vectors list.</summary>
    public static string ExtendedPrivateKey(ReadOnlySpan<byte> seed, DerivationPath path) =>
        ExtKey.CreateFromSeed(seed.ToArray()).Derive(path.KeyPath).GetWif(Network.Main).ToString();
}
