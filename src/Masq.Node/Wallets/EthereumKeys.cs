using Nethereum.Signer;

namespace Masq.Node.Wallets;

/// <summary>Ethereum key facts the Node needs (Nethereum).</summary>
internal static class EthereumKeys
{
    /// <summary>The <c>0x</c> + lower-case hex address of a 32-byte secp256k1 private key.</summary>
    public static string AddressOf(ReadOnlySpan<byte> privateKey)
    {
        var key = new EthECKey(privateKey.ToArray(), isPrivate: true);
        return key.GetPublicAddress().ToLowerInvariant();
    }
}
