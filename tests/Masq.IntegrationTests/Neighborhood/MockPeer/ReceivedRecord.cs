using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood.Records;

namespace Masq.IntegrationTests.Neighborhood.MockPeers;

/// <summary>One verified record of received gossip: the signed fields and the NodeAddr the sender chose to reveal.</summary>
internal sealed record ReceivedRecord(NodeRecordInner Inner, NodeAddr? NodeAddr)
{
    public PublicKey Key => Inner.PublicKey;

    public override string ToString() =>
        $"{Key.ToString()[..8]} v{Inner.Version} at {NodeAddr?.ToString() ?? "(hidden)"} neighbors [{string.Join(", ", Inner.Neighbors.Select(n => n.ToString()[..8]))}]";
}
