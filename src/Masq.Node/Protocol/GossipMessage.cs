namespace Masq.Node.Protocol;

/// <summary>
/// <c>MessageType::Gossip</c>, carried opaquely here: the Neighborhood decodes and verifies the VersionedData's bytes
/// (neighborhood.md §3); the data path only routes them.
/// </summary>
internal sealed record GossipMessage(VersionedData Data) : MessageType
{
    public override string Variant => "Gossip";

    private protected override VersionedData ToVersionedData() => Data;
}
