using System.Globalization;
using Masq.Cli.Commands.Parsing;

namespace Masq.Cli.Commands;

/// <summary>Checks on keys and addresses typed on the command line.</summary>
internal static class WalletArguments
{
    /// <summary>A private key: 64 hex digits (an optional <c>0x</c> is dropped).</summary>
    public static string PrivateKey(string option, string text)
    {
        var key = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return key.Length == 64 && IsHex(key)
            ? key
            : throw new CommandSyntaxException($"Invalid value for '--{option}': a private key is 64 hexadecimal digits");
    }

    /// <summary>An Ethereum address: <c>0x</c> and 40 hex digits.</summary>
    public static string Address(string option, string text) =>
        text.Length == 42 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && IsHex(text.AsSpan(2))
            ? text
            : throw new CommandSyntaxException($"Invalid value for '--{option}': '{text}' is not an address ('0x' and 40 hexadecimal digits)");

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Splits a mnemonic phrase into its words and checks their number.</summary>
    public static IReadOnlyList<string> MnemonicPhrase(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return MnemonicOptions.WordCounts.Contains(words.Length)
            ? words
            : throw new CommandSyntaxException(string.Create(CultureInfo.InvariantCulture,
                $"Invalid value for '--mnemonic-phrase': it has {words.Length} words; a phrase has {string.Join(", ", MnemonicOptions.WordCounts)} words"));
    }
}
