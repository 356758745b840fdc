using System.Globalization;
using NBitcoin;

namespace Masq.Node.Wallets;

/// <summary>
/// A BIP-32 derivation path such as <c>m/44'/60'/0'/0/0</c>: <c>m</c>, then up to 255 indexes below 2^31, each
/// hardened by a trailing <c>'</c> (or <c>h</c>).
/// </summary>
internal sealed class DerivationPath
{
    public const string DefaultConsuming = "m/44'/60'/0'/0/0";
    public const string DefaultEarning = "m/44'/60'/0'/0/1";

    private const uint HardenedBit = 0x8000_0000;
    private const int MaxDepth = 255;

    private DerivationPath(string text, KeyPath keyPath)
    {
        Text = text;
        KeyPath = keyPath;
    }

    public string Text { get; }

    public KeyPath KeyPath { get; }

    public static DerivationPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    public static bool TryParse(string? text, out DerivationPath path, out string error)
    {
        path = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        var parts = trimmed.Split('/');
        if (parts.Length < 2 || parts[0] != "m")
        {
            error = $"'{text}' is not a derivation path: it must start with 'm/', as in {DefaultConsuming}";
            return false;
        }

        if (parts.Length - 1 > MaxDepth)
        {
            error = $"'{text}' is not a derivation path: it is deeper than {MaxDepth} levels";
            return false;
        }

        var indexes = new uint[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            var hardened = part.EndsWith('\'') || part.EndsWith('h') || part.EndsWith('H');
            var digits = hardened ? part[..^1] : part;
            if (digits.Length == 0 || !uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= HardenedBit)
            {
                error = $"'{text}' is not a derivation path: '{part}' is not an index below 2^31 with an optional '";
                return false;
            }

            indexes[i - 1] = hardened ? index | HardenedBit : index;
        }

        error = string.Empty;
        path = new DerivationPath(trimmed, new KeyPath(indexes));
        return true;
    }

    public override string ToString() => Text;
}
