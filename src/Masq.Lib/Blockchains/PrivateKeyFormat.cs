namespace Masq.Lib.Blockchains;

/// <summary>
/// Format check for an Ethereum private key given as text: exactly 64 hexadecimal digits. Error messages never
/// repeat the value, since it is a secret.
/// </summary>
public static class PrivateKeyFormat
{
    public const int HexLength = 64;

    public static bool IsValid(string? text) => text is { Length: HexLength } && HexText.IsHex(text);

    public static string InvalidReason => "Invalid value: a private key is 64 hexadecimal digits (the value is not shown because it is secret)";
}
