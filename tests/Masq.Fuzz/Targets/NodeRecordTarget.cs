using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;

namespace Masq.Fuzz.Targets;

/// <summary>The signed part of a gossiped node record.</summary>
internal sealed class NodeRecordTarget : FuzzTarget
{
    public override string Name => "node-record";

    public override string Description => "NodeRecordInner.Decode";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        try
        {
            var inner = NodeRecordInner.Decode(input.ToArray());
            FuzzFinding.Check(inner.Equals(NodeRecordInner.Decode(inner.Encode())), "a decoded record does not survive re-encoding");
        }
        catch (CoresDecodeException)
        {
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("three-neighbors", SeedSamples.Inner(SeedSamples.Key(1), 3).Encode());
        yield return ("no-country-no-neighbors", SeedSamples.Inner(SeedSamples.Key(2), 0, country: null, neighbors: 0).Encode());
        yield return ("max-version", SeedSamples.Inner(SeedSamples.Key(5), uint.MaxValue, neighbors: 1).Encode());
    }
}
