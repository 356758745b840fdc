using System.Buffers;

namespace Masq.Node.Persistence;

/// <summary>The stored forms of wallet addresses and transaction hashes: lower-case <c>0x</c> + hex.</summary>
internal static class ChainHex
{
    public const int WalletHexDigits = 40;
    public const int TransactionHashHexDigits = 64;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool TryNormalizeWallet(string? address, out string normalized) =>
        TryNormalize(address, WalletHexDigits, out normalized);

    /// <summary>The lower-case form; an <see cref="ArgumentException"/> when not <c>0x</c> + 40 hex digits.</summary>
    public static string NormalizeWallet(string address) =>
        TryNormalize(address, WalletHexDigits, out var normalized)
            ? normalized
            : throw new ArgumentException($"'{address}' is not a wallet address (0x and 40 hex digits)", nameof(address));

    /// <summary>The lower-case form; an <see cref="ArgumentException"/> when not <c>0x</c> + 64 hex digits.</summary>
    public static string NormalizeTransactionHash(string hash) =>
        TryNormalize(hash, TransactionHashHexDigits, out var normalized)
            ? normalized
            : throw new ArgumentException($"'{hash}' is not a transaction hash (0x and 64 hex digits)", nameof(hash));

    private static bool TryNormalize(string? text, int hexDigits, out string normalized)
    {
        normalized = string.Empty;
        if (text is null
            || text.Length != 2 + hexDigits
            || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(2).ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        normalized = "0x" + text[2..].ToLowerInvariant();
        return true;
    }
}
