using System.Buffers.Text;

namespace Masq.Node.Crypto;

/// <summary>
/// A Node's public key as it travels in routes, descriptors and gossip: 64 bytes for <see cref="CryptDeReal"/>
/// (X25519 box key ‖ Ed25519 signing key), any non-empty length for <see cref="CryptDeNull"/>, and empty for the
/// terminal hop of a route. Immutable; equality is by content so it can key dictionaries.
/// </summary>
internal sealed class PublicKey : IEquatable<PublicKey>
{
    private readonly byte[] _bytes;

    public PublicKey(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes.ToArray();
    }

    private PublicKey(byte[] owned)
    {
        _bytes = owned;
    }

    /// <summary>The key of the terminal hop: "nobody further".</summary>
    public static PublicKey Empty { get; } = new(Array.Empty<byte>());

    public ReadOnlySpan<byte> Span => _bytes;

    public ReadOnlyMemory<byte> Memory => _bytes;

    public int Length => _bytes.Length;

    public bool IsEmpty => _bytes.Length == 0;

    public static bool operator ==(PublicKey? left, PublicKey? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(PublicKey? left, PublicKey? right) => !(left == right);

    /// <summary>Takes ownership of <paramref name="bytes"/>; for decoders that have just allocated the array.</summary>
    internal static PublicKey FromOwnedArray(byte[] bytes) => new(bytes);

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(PublicKey? other) =>
        other is not null && (ReferenceEquals(this, other) || _bytes.AsSpan().SequenceEqual(other._bytes));

    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>URL-safe unpadded base64 of the whole key (public, so safe to log).</summary>
    public override string ToString() => Base64Url.EncodeToString(_bytes);
}
