namespace Masq.Lib.Blockchains;

/// <summary>Strict hexadecimal checks: ASCII digits and letters a–f in either case, nothing else.</summary>
internal static class HexText
{
    public static bool IsHex(ReadOnlySpan<char> text)
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
}
