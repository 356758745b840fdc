using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Tests.Protocol;

namespace Masq.Node.Tests.Neighborhood.Records;

/// <summary>Seeded fuzzing of the inner-record decoder and of verification of received records.</summary>
public sealed class RecordDecoderFuzzTests
{
    [Fact]
    public void Node_record_inner_decoder()
    {
        byte[][] seeds =
        [
            RecordSamples.Inner(RecordSamples.Key(1), version: 300).Encode(),
            new NodeRecordInner(RecordSamples.Key(2), RecordSamples.Wallet, RatePack.Zero, [], false, false, 0, null).Encode(),
            RecordSamples.Inner(RecordSamples.Key(8), version: uint.MaxValue, country: "ZZ").Encode(),
        ];

        var outcome = FuzzHarness.Run("NodeRecordInner.Decode", seeds, seed: 41, input =>
        {
            var decoded = NodeRecordInner.Decode(input);
            Assert.Equal(decoded, NodeRecordInner.Decode(decoded.Encode()));
        }, cases: 10_000);

        Assert.True(outcome.Accepted > 0, "no mutated input decoded");
        Assert.True(outcome.Rejected > 0, "no mutated input was rejected");
    }

    [Fact]
    public void Received_record_verification_never_throws()
    {
        var node = RecordSamples.Node(Chain.Dev);
        var verifier = RecordSamples.Node(Chain.Dev);
        var signed = SignedNodeRecord.Create(node, RecordSamples.Inner(node.PublicKey, version: 1));
        byte[][] seeds = [signed.SignedData.ToArray()];
        Assert.True(signed.TryVerify(verifier, out _));
        int verified = 0;

        var outcome = FuzzHarness.Run("SignedNodeRecord.TryVerify", seeds, seed: 42, input =>
        {
            if (SignedNodeRecord.FromReceived(input.Span, signed.Signature.Span).TryVerify(verifier, out _))
            {
                verified++;
                Assert.Equal(signed.SignedData.ToArray(), input.ToArray());
            }
        }, cases: 3000);

        // FromReceived and TryVerify never throw for bounded input; only the unaltered bytes can verify.
        Assert.Equal(3000, outcome.Accepted);
        Assert.True(verified < outcome.Accepted, "mutated records verified");
    }
}
