using System.Numerics;
using System.Security.Cryptography;

namespace Masq.Cli.Localnet;

/// <summary>Fresh secrets for a localnet Node: its database password and a consuming wallet's private key.</summary>
internal static class LocalnetSecrets
{
    /// <summary>The order of the secp256k1 group: a private key must be from 1 to n − 1.</summary>
    private static readonly BigInteger Secp256k1Order =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    public static string NewDbPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>A random secp256k1 private key as 64 hexadecimal digits.</summary>
    public static string NewConsumingPrivateKey()
    {
        while (true)
        {
            var bytes = RandomNumberGenerator.GetBytes(32);
            if (IsValidPrivateKey(bytes))
            {
                return Convert.ToHexStringLower(bytes);
            }
        }
    }

    public static bool IsValidPrivateKey(ReadOnlySpan<byte> key)
    {
        var value = new BigInteger(key, isUnsigned: true, isBigEndian: true);
        return key.Length == 32 && !value.IsZero && value < Secp256k1Order;
    }
}
