using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Masq.Node.Protocol;

/// <summary>
/// A 20-byte Ethereum address as it appears in protocol records (a payer's wallet). Text form "0x" + 40 lower-case
/// hex digits. Immutable, equality by content.
/// </summary>
internal sealed class WalletAddress : IEquatable<WalletAddress>
{
    public const int Length = 20;

    private readonly byte[] _bytes;

    private WalletAddress(byte[] owned)
    {
        _bytes = owned;
    }

    public ReadOnlySpan<byte> Span => _bytes;

    public static bool operator ==(WalletAddress? left, WalletAddress? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(WalletAddress? left, WalletAddress? right) => !(left == right);

    /// <exception cref="ArgumentException">Not exactly 20 bytes.</exception>
    public static WalletAddress FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new WalletAddress(bytes.ToArray())
            : throw new ArgumentException("A wallet address is 20 bytes.", nameof(bytes));

    /// <summary>Parses "0x" + 40 hex digits of either case; never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WalletAddress? address)
    {
        address = null;
        if (text is null || text.Length != 2 + (2 * Length) || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var bytes = new byte[Length];
        for (int i = 0; i < Length; i++)
        {
            if (!byte.TryParse(text.AsSpan(2 + (2 * i), 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }

        address = new WalletAddress(bytes);
        return true;
    }

    public bool Equals(WalletAddress? other) =>
        other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as WalletAddress);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => "0x" + Convert.ToHexStringLower(_bytes);
}
