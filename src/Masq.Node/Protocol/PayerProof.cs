using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using Masq.Node.Crypto;
using NBitcoin.Secp256k1;

using Masq.Lib.Blockchains;

namespace Masq.Node.Protocol;

/// <summary>
/// A recoverable secp256k1 ECDSA signature by the consuming wallet over a 32-byte payer digest
/// (data-path.md §2.1). On the wire <c>{v: uint, r: [32 uints], s: [32 uints]}</c> as serde writes ethsign's
/// Signature; v is the recovery id 0 or 1 (ethsign's convention, not Ethereum's 27/28).
/// </summary>
/// <remarks>
/// Signing and recovery use NBitcoin.Secp256k1 directly: it is the engine Nethereum's EthECKey uses when its
/// process-wide <c>SignRecoverable</c> flag is set, and its default BouncyCastle path is about four times slower.
/// A relay recovers one proof per package, so this is on the hot path.
/// </remarks>
internal sealed class PayerProof : IEquatable<PayerProof>
{
    public const int ComponentLength = 32;

    private const string What = "payer proof";

    // secp256k1 n / 2: proofs with a larger s are the malleated twin of a canonical one and are refused.
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
    ];

    private readonly byte[] _compact;

    private PayerProof(byte recoveryId, byte[] compact)
    {
        RecoveryId = recoveryId;
        _compact = compact;
    }

    /// <summary>0 or 1.</summary>
    public byte RecoveryId { get; }

    public ReadOnlySpan<byte> R => _compact.AsSpan(0, ComponentLength);

    public ReadOnlySpan<byte> S => _compact.AsSpan(ComponentLength, ComponentLength);

    /// <exception cref="ArgumentException">Lengths or recovery id out of range.</exception>
    public static PayerProof FromComponents(byte recoveryId, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s)
    {
        if (recoveryId > 1 || r.Length != ComponentLength || s.Length != ComponentLength)
        {
            throw new ArgumentException("A payer proof is a recovery id of 0 or 1 and two 32-byte components.");
        }

        var compact = new byte[2 * ComponentLength];
        r.CopyTo(compact);
        s.CopyTo(compact.AsSpan(ComponentLength));
        return new PayerProof(recoveryId, compact);
    }

    /// <summary>Signs a 32-byte digest (deterministic RFC 6979 nonce, low s).</summary>
    public static PayerProof Sign(ECPrivKey key, ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Keccak256.Length)
        {
            throw new ArgumentException("A payer digest is 32 bytes.", nameof(digest));
        }

        if (!key.TrySignRecoverable(digest, out SecpRecoverableECDSASignature? signature) || signature is null)
        {
            throw new InvalidOperationException("secp256k1 signing failed.");
        }

        var compact = new byte[2 * ComponentLength];
        signature.WriteToSpanCompact(compact, out int recoveryId);
        return new PayerProof((byte)recoveryId, compact);
    }

    /// <summary>
    /// Recovers the address of the wallet that signed <paramref name="digest"/>. False, never an exception, for a
    /// proof that does not recover (zero or out-of-range components, high s, wrong digest length).
    /// </summary>
    public bool TryRecoverAddress(ReadOnlySpan<byte> digest, [NotNullWhen(true)] out WalletAddress? address)
    {
        address = null;
        if (digest.Length != Keccak256.Length || S.SequenceCompareTo(HalfOrder) > 0)
        {
            return false;
        }

        try
        {
            if (!SecpRecoverableECDSASignature.TryCreateFromCompact(_compact, RecoveryId, out SecpRecoverableECDSASignature? signature)
                || signature is null
                || !ECPubKey.TryRecover(Context.Instance, signature, digest, out ECPubKey? publicKey)
                || publicKey is null)
            {
                return false;
            }

            address = AddressOf(publicKey);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The Ethereum address of a secp256k1 public key: the last 20 bytes of keccak256 of its 64-byte form.</summary>
    public static WalletAddress AddressOf(ECPubKey publicKey)
    {
        Span<byte> uncompressed = stackalloc byte[65];
        publicKey.WriteToSpan(compressed: false, uncompressed, out _);
        Span<byte> hash = stackalloc byte[Keccak256.Length];
        Keccak256.Hash(uncompressed[1..], [], hash);
        return WalletAddress.FromBytes(hash[12..]);
    }

    public bool Equals(PayerProof? other) =>
        other is not null && RecoveryId == other.RecoveryId && _compact.AsSpan().SequenceEqual(other._compact);

    public override bool Equals(object? obj) => Equals(obj as PayerProof);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(RecoveryId);
        hash.AddBytes(_compact);
        return hash.ToHashCode();
    }

    internal void Write(CborWriter writer)
    {
        writer.WriteStartMap(3);
        writer.WriteTextString("v");
        writer.WriteUInt32(RecoveryId);
        writer.WriteTextString("r");
        CoresCbor.WriteByteArray(writer, R);
        writer.WriteTextString("s");
        CoresCbor.WriteByteArray(writer, S);
        writer.WriteEndMap();
    }

    internal static PayerProof Read(CborReader reader)
    {
        ulong? v = null;
        ReadOnlyMemory<byte>? r = null;
        ReadOnlyMemory<byte>? s = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("v"u8))
            {
                v = v is null ? CoresCbor.ReadUInt(reader, 1, What) : throw map.Duplicate("v");
            }
            else if (key.SequenceEqual("r"u8))
            {
                r = r is null ? CoresCbor.ReadByteArray(reader, ComponentLength, What) : throw map.Duplicate("r");
            }
            else if (key.SequenceEqual("s"u8))
            {
                s = s is null ? CoresCbor.ReadByteArray(reader, ComponentLength, What) : throw map.Duplicate("s");
            }
            else
            {
                map.UnknownKey(skip: false);
            }
        }

        if (v is null)
        {
            throw CoresCbor.Missing(What, "v");
        }

        if (r is not { Length: ComponentLength } rBytes || s is not { Length: ComponentLength } sBytes)
        {
            throw r is null || s is null
                ? CoresCbor.Missing(What, r is null ? "r" : "s")
                : CoresCbor.Invalid(What, "r and s are 32 bytes each");
        }

        return FromComponents((byte)v.Value, rBytes.Span, sBytes.Span);
    }
}
