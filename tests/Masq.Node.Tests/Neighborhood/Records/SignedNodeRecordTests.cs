using Masq.Lib.Blockchains;
using Masq.Node.Neighborhood.Records;

namespace Masq.Node.Tests.Neighborhood.Records;

public sealed class SignedNodeRecordTests
{
    private readonly Masq.Node.Crypto.CryptDeReal _node = RecordSamples.Node(Chain.BaseSepolia);
    private readonly Masq.Node.Crypto.CryptDeReal _verifier = RecordSamples.Node(Chain.BaseSepolia);

    [Fact]
    public void Own_record_verifies_and_round_trips_through_received_bytes()
    {
        var inner = RecordSamples.Inner(_node.PublicKey, version: 2);
        var signed = SignedNodeRecord.Create(_node, inner);

        var received = SignedNodeRecord.FromReceived(signed.SignedData.Span, signed.Signature.Span);

        Assert.True(received.TryVerify(_verifier, out var verified, out var rejection));
        Assert.Equal(NodeRecordRejection.None, rejection);
        Assert.Equal(inner, verified);
        Assert.True(received.HasSameBytes(signed));
    }

    [Fact]
    public void Received_bytes_are_kept_exactly_even_when_not_canonical()
    {
        // An indefinite-length outer map decodes to the same fields but re-encodes differently: the record must keep
        // (and its signature must cover) the bytes as received.
        byte[] canonical = RecordSamples.Inner(_node.PublicKey).Encode();
        byte[] indefinite = [0xbf, .. canonical.AsSpan(1), 0xff];
        var received = SignedNodeRecord.FromReceived(indefinite, _node.Sign(indefinite));

        Assert.True(received.TryVerify(_verifier, out var inner));
        Assert.Equal(indefinite, received.SignedData.ToArray());
        Assert.NotEqual(indefinite, inner.Encode());
    }

    [Fact]
    public void Received_bytes_are_copied()
    {
        var signed = SignedNodeRecord.Create(_node, RecordSamples.Inner(_node.PublicKey));
        byte[] buffer = signed.SignedData.ToArray();
        var received = SignedNodeRecord.FromReceived(buffer, signed.Signature.Span);

        buffer[^1] ^= 1;

        Assert.True(received.TryVerify(_verifier, out _));
    }

    [Fact]
    public void Forged_signature_is_rejected()
    {
        var forger = RecordSamples.Node(Chain.BaseSepolia);
        byte[] data = RecordSamples.Inner(_node.PublicKey, version: 9).Encode();
        var forged = SignedNodeRecord.FromReceived(data, forger.Sign(data));

        Assert.False(forged.TryVerify(_verifier, out var inner, out var rejection));
        Assert.Null(inner);
        Assert.Equal(NodeRecordRejection.BadSignature, rejection);
    }

    [Fact]
    public void Altered_data_is_rejected()
    {
        var signed = SignedNodeRecord.Create(_node, RecordSamples.Inner(_node.PublicKey, version: 1));
        byte[] altered = RecordSamples.Inner(_node.PublicKey, version: 2).Encode();
        var tampered = SignedNodeRecord.FromReceived(altered, signed.Signature.Span);

        Assert.False(tampered.TryVerify(_verifier, out _, out var rejection));
        Assert.Equal(NodeRecordRejection.BadSignature, rejection);
    }

    [Fact]
    public void Record_signed_for_another_chain_is_rejected()
    {
        var polygonNode = RecordSamples.Node(Chain.PolygonMainnet);
        var signed = SignedNodeRecord.Create(polygonNode, RecordSamples.Inner(polygonNode.PublicKey));

        Assert.True(signed.TryVerify(RecordSamples.Node(Chain.PolygonMainnet), out _));
        Assert.False(signed.TryVerify(_verifier, out _, out var rejection));
        Assert.Equal(NodeRecordRejection.BadSignature, rejection);
    }

    [Fact]
    public void Wrong_key_length_is_rejected_as_undecodable()
    {
        byte[] data = RecordSamples.Inner(_node.PublicKey).Encode();
        // public_key is the first field: 0xa8, its 11-byte text key, then 0x58 0x40 (a 64-byte string); claim 63.
        Assert.Equal(0x58, data[12]);
        Assert.Equal(64, data[13]);
        byte[] shortKey = [.. data.AsSpan(0, 13), 63, .. data.AsSpan(14, 63), .. data.AsSpan(14 + 64)];
        var received = SignedNodeRecord.FromReceived(shortKey, _node.Sign(shortKey));

        Assert.False(received.TryVerify(_verifier, out _, out var rejection));
        Assert.Equal(NodeRecordRejection.Undecodable, rejection);
    }

    [Fact]
    public void Only_the_own_record_can_be_created()
    {
        Assert.Throws<ArgumentException>(() => SignedNodeRecord.Create(_node, RecordSamples.Inner(_verifier.PublicKey)));
    }

    [Fact]
    public void Oversized_received_parts_are_refused_with_the_typed_error()
    {
        var e = Assert.Throws<Masq.Node.Protocol.CoresDecodeException>(() =>
            SignedNodeRecord.FromReceived(new byte[NodeRecordInner.MaxEncodedLength + 1], new byte[64]));
        Assert.Equal(Masq.Node.Protocol.CoresDecodeError.TooLarge, e.Error);
        Assert.Throws<Masq.Node.Protocol.CoresDecodeException>(() =>
            SignedNodeRecord.FromReceived(new byte[10], new byte[SignedNodeRecord.MaxSignatureLength + 1]));
    }
}
