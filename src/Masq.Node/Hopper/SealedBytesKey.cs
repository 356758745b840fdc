namespace Masq.Node.Hopper;

/// <summary>Sealed bytes as a dictionary key, compared by content.</summary>
internal readonly struct SealedBytesKey(ReadOnlyMemory<byte> bytes) : IEquatable<SealedBytesKey>
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <summary>A key that owns a copy, for storing (lookups use the caller's bytes without copying).</summary>
    public SealedBytesKey Detached() => new(Bytes.ToArray());

    public bool Equals(SealedBytesKey other) => Bytes.Span.SequenceEqual(other.Bytes.Span);

    public override bool Equals(object? obj) => obj is SealedBytesKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes.Span);
        return hash.ToHashCode();
    }
}
