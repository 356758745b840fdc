using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Protocol;

namespace Masq.Fuzz.Targets;

/// <summary>
/// The end-to-end payload of a CORES package (ClientRequest, ClientResponse, DnsResolveFailed, Gossip, GossipFailure),
/// with gossip and gossip failures decoded further as their handlers do.
/// </summary>
internal sealed class CoresMessageTarget : FuzzTarget
{
    public override string Name => "cores-message";

    public override string Description => "MessageType.Decode (all CBOR payloads), Gossip.Decode, GossipFailureCodec.Decode";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        try
        {
            var message = MessageType.Decode(input.ToArray());
            switch (message)
            {
                case GossipMessage gossip:
                    Gossip.Decode(gossip);
                    break;
                case GossipFailureMessage failure:
                    GossipFailureCodec.Decode(failure);
                    break;
                default:
                    MessageType.Decode(message.Encode());
                    break;
            }
        }
        catch (CoresDecodeException)
        {
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        var originator = SeedSamples.NullNode(9).PublicKey;
        yield return ("client-request", new ClientRequestMessage(SeedSamples.Request(originator, 100, "example.com")).Encode());
        yield return ("client-request-no-host", new ClientRequestMessage(SeedSamples.Request(originator, 0, null) with { Protocol = ProxyProtocol.Http, TargetPort = 80 }).Encode());
        yield return ("client-response", new ClientResponseMessage(new ClientResponsePayload(SeedSamples.StreamKey, new SequencedPacket(new byte[64], 5, LastData: true))).Encode());
        yield return ("client-response-terminating", new ClientResponseMessage(ClientResponsePayload.Terminating(SeedSamples.StreamKey)).Encode());
        yield return ("dns-resolve-failed", new DnsResolveFailedMessage(new DnsResolveFailure(SeedSamples.StreamKey)).Encode());
        yield return ("gossip", new Gossip([SeedSamples.GossipRecord(1, 3, revealAddress: true)]).ToMessage().Encode());
        yield return ("gossip-empty", new Gossip([]).ToMessage().Encode());
        foreach (var kind in Enum.GetValues<GossipFailureKind>())
        {
            yield return ($"gossip-failure-{kind}", GossipFailureCodec.ToMessage(kind).Encode());
        }
    }
}
