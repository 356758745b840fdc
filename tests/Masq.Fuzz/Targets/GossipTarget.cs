using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;

namespace Masq.Fuzz.Targets;

/// <summary>
/// A gossip body (the CBOR inside a Gossip message's versioned data), then each record's signed data as the acceptor
/// reads it. Fed the body directly, so mutations are not spent on the message envelope.
/// </summary>
internal sealed class GossipTarget : FuzzTarget
{
    public override string Name => "gossip";

    public override string Description => "Gossip.Decode of a v0.1 body, then SignedNodeRecord.FromReceived of each record";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        try
        {
            var gossip = Gossip.Decode(new GossipMessage(new VersionedData(DataVersion.V0_1, input.ToArray())));
            foreach (var record in gossip.NodeRecords)
            {
                try
                {
                    SignedNodeRecord.FromReceived(record.Record.SignedData.Span, record.Record.Signature.Span);
                    NodeRecordInner.Decode(record.Record.SignedData);
                }
                catch (CoresDecodeException)
                {
                }
            }
        }
        catch (CoresDecodeException)
        {
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("two-records", Body(new Gossip([SeedSamples.GossipRecord(1, 3, revealAddress: true), SeedSamples.GossipRecord(2, 7, revealAddress: false)])));
        yield return ("one-record", Body(new Gossip([SeedSamples.GossipRecord(3, 0, revealAddress: true)])));
        yield return ("empty", Body(new Gossip([])));
    }

    private static byte[] Body(Gossip gossip) => gossip.ToMessage().Data.Bytes.ToArray();
}
