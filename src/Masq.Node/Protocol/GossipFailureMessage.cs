namespace Masq.Node.Protocol;

/// <summary><c>MessageType::GossipFailure</c>, carried opaquely for the Neighborhood like <see cref="GossipMessage"/>.</summary>
internal sealed record GossipFailureMessage(VersionedData Data) : MessageType
{
    public override string Variant => "GossipFailure";

    private protected override VersionedData ToVersionedData() => Data;
}
