using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Masq.Node.Hopper;

/// <summary>
/// Drops a clandestine package this Node has already seen, by its payload. Honest payloads never repeat: each is sealed
/// end to end with a fresh ephemeral key, so its first bytes (ephemeral key and MAC) and its ciphertext are unique. A
/// replay would otherwise be relayed and charged again. Remembers the last one to two generations of packages; bounded
/// memory.
/// </summary>
internal sealed class ReplayGuard(int generationSize = 65536)
{
    private const int Sampled = 64;

    private readonly Lock _gate = new();
    private HashSet<UInt128> _current = [];
    private HashSet<UInt128> _previous = [];

    /// <summary>True when a package with this sealed payload was seen before; otherwise records it.</summary>
    public bool IsReplay(ReadOnlySpan<byte> payload)
    {
        var fingerprint = Fingerprint(payload);
        lock (_gate)
        {
            if (_current.Contains(fingerprint) || _previous.Contains(fingerprint))
            {
                return true;
            }

            _current.Add(fingerprint);
            if (_current.Count >= generationSize)
            {
                _previous = _current;
                _current = [];
            }

            return false;
        }
    }

    private static UInt128 Fingerprint(ReadOnlySpan<byte> package)
    {
        Span<byte> input = stackalloc byte[4 + (2 * Sampled)];
        BinaryPrimitives.WriteInt32BigEndian(input, package.Length);
        int head = Math.Min(Sampled, package.Length);
        package[..head].CopyTo(input[4..]);
        int tail = Math.Min(Sampled, package.Length);
        package[^tail..].CopyTo(input[(4 + head)..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..(4 + head + tail)], hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
