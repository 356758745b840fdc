using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using Masq.Lib.Blockchains;

namespace Masq.Lib.Neighborhood;

/// <summary>
/// How a Node is introduced to others: <c>masq://&lt;chain&gt;:&lt;key&gt;@&lt;ip&gt;:&lt;port&gt;[/&lt;port&gt;…]</c>,
/// or <c>…@:</c> for a Node without an address. The key is the 32-byte encryption (X25519) half of the Node's public
/// key in URL-safe Base64 without padding (43 characters).
/// </summary>
public sealed class NodeDescriptor : IEquatable<NodeDescriptor>
{
    public const string Prefix = "masq://";
    public const int KeyLength = 32;
    public const int FullPublicKeyLength = 64;

    private const string Shape = "'masq://<chain>:<public key>@<IP address>:<port>[/<port>...]'";

    private readonly byte[] _publicKey;

    /// <param name="publicKey">The Node's public key: either the 32-byte encryption half, or the whole 64-byte key
    /// (encryption then signing half), of which only the first 32 bytes are kept.</param>
    /// <param name="nodeAddr">Null for a Node that cannot be contacted.</param>
    public NodeDescriptor(Chain chain, ReadOnlySpan<byte> publicKey, NodeAddr? nodeAddr)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (publicKey.Length is not (KeyLength or FullPublicKeyLength))
        {
            throw new ArgumentException($"A public key has {KeyLength} or {FullPublicKeyLength} bytes, not {publicKey.Length}.", nameof(publicKey));
        }

        Chain = chain;
        _publicKey = publicKey[..KeyLength].ToArray();
        NodeAddr = nodeAddr;
    }

    public Chain Chain { get; }

    /// <summary>The 32-byte encryption half of the Node's public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public NodeAddr? NodeAddr { get; }

    /// <summary>
    /// The 64-byte "first-contact" key: the 32 descriptor bytes followed by 32 zero bytes. Enough to seal a Debut for
    /// the Node; useless for checking its signatures.
    /// </summary>
    public byte[] ToFirstContactKey()
    {
        var key = new byte[FullPublicKeyLength];
        _publicKey.CopyTo(key, 0);
        return key;
    }

    /// <summary>Parses a descriptor; every failure comes back as a message, never as an exception.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NodeDescriptor? descriptor, [NotNullWhen(false)] out string? error)
    {
        descriptor = null;
        text ??= string.Empty;

        // 1. Prefix.
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"Node descriptor '{text}' must start with '{Prefix}'; expected {Shape}";
            return false;
        }

        // 2. Key and address are separated by the first '@' (Base64url never contains one).
        var body = text[Prefix.Length..];
        var at = body.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            error = $"Node descriptor '{text}' has no '@' between the public key and the node address; expected {Shape}";
            return false;
        }

        var left = body[..at];
        var right = body[(at + 1)..];

        // 3. Rough shape check of both halves before the precise parsers run.
        if (!left.Any(char.IsLetter))
        {
            error = $"Node descriptor '{text}' has no chain and public key before '@'; expected {Shape}";
            return false;
        }

        if (!RightHalfLooksLikeAnAddress(right))
        {
            error = $"Node descriptor '{text}' has a malformed node address '{right}'; expected '<IP address>:<port>[/<port>...]', or ':' for none";
            return false;
        }

        // 4. Chain and key are separated by the first ':'.
        var colon = left.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"Node descriptor '{text}' has no ':' between the chain and the public key; expected {Shape}";
            return false;
        }

        // 5. Chain.
        if (!Chain.TryParse(left[..colon], out var chain, out var chainError))
        {
            error = chainError;
            return false;
        }

        // 6. Key.
        if (!TryDecodeKey(left[(colon + 1)..], out var key, out error))
        {
            return false;
        }

        // 7. Address: ':' means none.
        NodeAddr? nodeAddr = null;
        if (right != ":" && !NodeAddr.TryParse(right, out nodeAddr, out error))
        {
            return false;
        }

        descriptor = new NodeDescriptor(chain, key, nodeAddr);
        error = null;
        return true;
    }

    /// <summary>The public key as it appears in a descriptor: URL-safe Base64 without padding.</summary>
    public static string EncodeKey(ReadOnlySpan<byte> publicKey) => Base64Url.EncodeToString(publicKey[..Math.Min(publicKey.Length, KeyLength)]);

    public bool Equals(NodeDescriptor? other) =>
        other is not null && ReferenceEquals(Chain, other.Chain) && _publicKey.AsSpan().SequenceEqual(other._publicKey)
        && Equals(NodeAddr, other.NodeAddr);

    public override bool Equals(object? obj) => Equals(obj as NodeDescriptor);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Chain.Id);
        hash.AddBytes(_publicKey);
        hash.Add(NodeAddr);
        return hash.ToHashCode();
    }

    public override string ToString() => $"{Prefix}{Chain.Id}:{EncodeKey(_publicKey)}@{(NodeAddr is null ? ":" : NodeAddr.ToString())}";

    public static bool operator ==(NodeDescriptor? left, NodeDescriptor? right) => Equals(left, right);

    public static bool operator !=(NodeDescriptor? left, NodeDescriptor? right) => !Equals(left, right);

    // The reference Node's pre-check: an address may only hold digits, hex letters and punctuation, and letters only
    // when it looks like IPv6 (three or more colons), which the NodeAddr parser then rejects with a precise message.
    private static bool RightHalfLooksLikeAnAddress(string right)
    {
        var letters = false;
        foreach (var c in right)
        {
            if (char.IsAsciiLetter(c))
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }

                letters = true;
            }
            else if (!char.IsAsciiDigit(c) && !(char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c))))
            {
                return false;
            }
        }

        return !letters || right.Count(c => c == ':') >= 3;
    }

    private static bool TryDecodeKey(string encoded, [NotNullWhen(true)] out byte[]? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        foreach (var c in encoded)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                error = $"Invalid Base64 value for public key: '{encoded}' (expected URL-safe Base64 without padding)";
                return false;
            }
        }

        if (!Base64Url.IsValid(encoded, out var length) || length != KeyLength)
        {
            error = Base64Url.IsValid(encoded, out length)
                ? $"Invalid public key '{encoded}': it must be {KeyLength} bytes ({Base64Url.GetEncodedLength(KeyLength)} Base64 characters), not {length}"
                : $"Invalid Base64 value for public key: '{encoded}'";
            return false;
        }

        key = Base64Url.DecodeFromChars(encoded);

        // Reject non-canonical text (stray low bits in the last character) so that text and key correspond one to one.
        if (!string.Equals(Base64Url.EncodeToString(key), encoded, StringComparison.Ordinal))
        {
            error = $"Invalid Base64 value for public key: '{encoded}' (not in canonical form)";
            key = null;
            return false;
        }

        error = null;
        return true;
    }
}
