using System.Diagnostics.CodeAnalysis;

namespace Masq.Lib.Blockchains;

/// <summary>
/// A 20-byte Ethereum address, written <c>0x</c> + 40 hexadecimal digits. Parsing accepts any letter case (the EIP-55
/// checksum is not verified, as in the reference Node); the text form is lower case.
/// </summary>
public sealed class WalletAddress : IEquatable<WalletAddress>
{
    public const int Length = 20;

    private readonly byte[] _bytes;

    private WalletAddress(byte[] bytes) => _bytes = bytes;

    /// <summary>The MASQ wallet that earns in place of a Node that has no earning wallet configured.</summary>
    public static WalletAddress DefaultEarningWallet { get; } = Parse("0x27d9A2AC83b493f88ce9B4532EDcf74e95B9788d");

    public ReadOnlySpan<byte> Bytes => _bytes;

    public static WalletAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A wallet address has {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new WalletAddress(bytes.ToArray());
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out WalletAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (text is null || text.Length != 2 + (2 * Length) || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || !HexText.IsHex(text.AsSpan(2)))
        {
            error = $"Invalid value '{text}': a wallet address is '0x' followed by 40 hexadecimal digits";
            return false;
        }

        address = new WalletAddress(Convert.FromHexString(text.AsSpan(2)));
        error = null;
        return true;
    }

    /// <summary>Parses a known-good address; throws <see cref="FormatException"/> otherwise (not for untrusted input).</summary>
    public static WalletAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public bool Equals(WalletAddress? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as WalletAddress);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => "0x" + Convert.ToHexStringLower(_bytes);

    public static bool operator ==(WalletAddress? left, WalletAddress? right) => Equals(left, right);

    public static bool operator !=(WalletAddress? left, WalletAddress? right) => !Equals(left, right);
}
