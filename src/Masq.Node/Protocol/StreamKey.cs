using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>
/// Identifies one browser stream end to end: the originator makes it, the exit keys its server connection by it.
/// 20 opaque bytes on the wire; a value type with content equality so it keys dictionaries without allocating.
/// </summary>
internal readonly struct StreamKey : IEquatable<StreamKey>
{
    public const int Length = 20;
    public const int SaltLength = 8;

    private readonly ulong _first;
    private readonly ulong _second;
    private readonly uint _third;

    private StreamKey(ulong first, ulong second, uint third)
    {
        _first = first;
        _second = second;
        _third = third;
    }

    public static bool operator ==(StreamKey left, StreamKey right) => left.Equals(right);

    public static bool operator !=(StreamKey left, StreamKey right) => !left.Equals(right);

    /// <exception cref="ArgumentException">Not exactly 20 bytes.</exception>
    public static StreamKey FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new StreamKey(
                BinaryPrimitives.ReadUInt64BigEndian(bytes),
                BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]))
            : throw new ArgumentException("A stream key is 20 bytes.", nameof(bytes));

    /// <summary>
    /// The key for a browser connection (data-path.md §3): a hash of the originator's main public key, the client's
    /// IP and port, and a salt chosen once per process (<see cref="ICryptDE.FillRandom"/> into <see cref="SaltLength"/>
    /// bytes) so that keys cannot be linked across runs.
    /// </summary>
    /// <remarks>
    /// The reference hashes with SHA-1 and writes the port low byte first. Stream keys are opaque to every other
    /// Node, so the derivation need not match: we use SHA-256 truncated to 20 bytes, the port in network order,
    /// and a length byte before the IP so IPv4 and IPv6 inputs cannot run together.
    /// </remarks>
    public static StreamKey Derive(PublicKey originatorMainKey, IPEndPoint client, ReadOnlySpan<byte> salt)
    {
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException("The stream key salt is 8 bytes.", nameof(salt));
        }

        Span<byte> address = stackalloc byte[16];
        if (!client.Address.TryWriteBytes(address, out int addressLength))
        {
            throw new ArgumentException("Unsupported client address.", nameof(client));
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(originatorMainKey.Span);
        sha.AppendData([(byte)addressLength]);
        sha.AppendData(address[..addressLength]);
        Span<byte> port = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(port, (ushort)client.Port);
        sha.AppendData(port);
        sha.AppendData(salt);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return FromBytes(hash[..Length]);
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _first);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _second);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _third);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public bool Equals(StreamKey other) => _first == other._first && _second == other._second && _third == other._third;

    public override bool Equals(object? obj) => obj is StreamKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_first, _second, _third);

    /// <summary>Standard base64 without padding, as the reference logs it.</summary>
    public override string ToString() => Convert.ToBase64String(ToArray()).TrimEnd('=');
}
