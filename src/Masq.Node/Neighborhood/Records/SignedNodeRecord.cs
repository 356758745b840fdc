using System.Diagnostics.CodeAnalysis;

using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Neighborhood.Records;

/// <summary>
/// A NodeRecord as it travels in gossip: the exact signed bytes and the detached signature over them (the signer
/// appends its chain contract, so a record signed on another chain does not verify). A received record is kept and
/// forwarded as these bytes; it is never re-encoded, since any other encoding of the same fields breaks the signature.
/// Only a Node's own record is built from fields, by <see cref="Create"/>.
/// </summary>
internal sealed class SignedNodeRecord
{
    /// <summary>A signature longer than this cannot be Ed25519's 64 bytes, whatever the verifier.</summary>
    public const int MaxSignatureLength = 256;

    private readonly byte[] _signedData;
    private readonly byte[] _signature;

    private SignedNodeRecord(byte[] signedData, byte[] signature)
    {
        _signedData = signedData;
        _signature = signature;
    }

    /// <summary>The inner record's bytes exactly as signed (and as received).</summary>
    public ReadOnlyMemory<byte> SignedData => _signedData;

    public ReadOnlyMemory<byte> Signature => _signature;

    /// <summary>Encodes and signs the local Node's own record; <paramref name="signer"/> must hold its key.</summary>
    public static SignedNodeRecord Create(ICryptDE signer, NodeRecordInner inner)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(inner);
        if (!signer.PublicKey.Equals(inner.PublicKey))
        {
            throw new ArgumentException("A Node signs only its own record.", nameof(inner));
        }

        byte[] data = inner.Encode();
        return new SignedNodeRecord(data, signer.Sign(data));
    }

    /// <summary>
    /// Wraps bytes received in gossip, copying them so that later changes to the caller's buffer cannot alter the
    /// record. Nothing is checked here; call <see cref="TryVerify(ICryptDE, out NodeRecordInner?, out NodeRecordRejection)"/>.
    /// </summary>
    /// <exception cref="CoresDecodeException">The data or signature is longer than any honest record's.</exception>
    public static SignedNodeRecord FromReceived(ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
    {
        if (signedData.Length > NodeRecordInner.MaxEncodedLength)
        {
            throw new CoresDecodeException(CoresDecodeError.TooLarge, $"Signed node record data is {signedData.Length} bytes.");
        }

        if (signature.Length > MaxSignatureLength)
        {
            throw new CoresDecodeException(CoresDecodeError.TooLarge, $"Node record signature is {signature.Length} bytes.");
        }

        return new SignedNodeRecord(signedData.ToArray(), signature.ToArray());
    }

    public bool TryVerify(ICryptDE verifier, [NotNullWhen(true)] out NodeRecordInner? inner) =>
        TryVerify(verifier, out inner, out _);

    /// <summary>
    /// Decodes the signed bytes and checks the signature against the public key inside them (a record certifies
    /// itself) on <paramref name="verifier"/>'s chain. The key is known to be 64 bytes before it is used.
    /// </summary>
    public bool TryVerify(ICryptDE verifier, [NotNullWhen(true)] out NodeRecordInner? inner, out NodeRecordRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        inner = null;
        NodeRecordInner decoded;
        try
        {
            decoded = NodeRecordInner.Decode(_signedData);
        }
        catch (CoresDecodeException)
        {
            rejection = NodeRecordRejection.Undecodable;
            return false;
        }

        if (!verifier.Verify(_signedData, _signature, decoded.PublicKey))
        {
            rejection = NodeRecordRejection.BadSignature;
            return false;
        }

        inner = decoded;
        rejection = NodeRecordRejection.None;
        return true;
    }

    /// <summary>Same bytes, same record.</summary>
    public bool HasSameBytes(SignedNodeRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _signedData.AsSpan().SequenceEqual(other._signedData) && _signature.AsSpan().SequenceEqual(other._signature);
    }
}
