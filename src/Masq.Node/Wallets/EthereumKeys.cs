using System.Globalization;
using Masq.Lib.Blockchains;
using Nethereum.Signer;

namespace Masq.Node.Wallets;

/// <summary>Ethereum key facts the Node needs (Nethereum).</summary>
internal static class EthereumKeys
{
    public const int PrivateKeyLength = 32;

    // The secp256k1 group order: a private key must be in [1, n).
    private static readonly System.Numerics.BigInteger CurveOrder = System.Numerics.BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>The <c>0x</c> + lower-case hex address of a 32-byte secp256k1 private key.</summary>
    public static string AddressOf(ReadOnlySpan<byte> privateKey)
    {
        var key = new EthECKey(privateKey.ToArray(), isPrivate: true);
        return key.GetPublicAddress().ToLowerInvariant();
    }

    /// <summary>The address as a <see cref="WalletAddress"/>.</summary>
    public static WalletAddress WalletOf(ReadOnlySpan<byte> privateKey) => WalletAddress.Parse(AddressOf(privateKey));

    /// <summary>The key as the UI shows it: 64 upper-case hex digits.</summary>
    public static string ToHex(ReadOnlySpan<byte> privateKey) => Convert.ToHexString(privateKey);

    /// <summary>
    /// Parses 64 hex digits (an optional <c>0x</c> is allowed) into a valid secp256k1 private key. The error never
    /// repeats the key.
    /// </summary>
    public static bool TryParsePrivateKey(string? text, out byte[] privateKey, out string error)
    {
        privateKey = [];
        var hex = text?.Trim() ?? string.Empty;
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        if (!PrivateKeyFormat.IsValid(hex))
        {
            error = "The consuming private key is not 64 hexadecimal digits";
            return false;
        }

        var bytes = Convert.FromHexString(hex);
        if (!IsValidPrivateKey(bytes))
        {
            error = "The consuming private key is not a valid secp256k1 key";
            return false;
        }

        privateKey = bytes;
        error = string.Empty;
        return true;
    }

    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            return false;
        }

        var value = new System.Numerics.BigInteger(privateKey, isUnsigned: true, isBigEndian: true);
        return value > 0 && value < CurveOrder;
    }
}
