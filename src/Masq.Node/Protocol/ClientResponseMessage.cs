namespace Masq.Node.Protocol;

/// <summary>Exit → originator: <c>MessageType::ClientResponse</c>.</summary>
internal sealed record ClientResponseMessage(ClientResponsePayload Payload) : MessageType
{
    public override string Variant => "ClientResponse";

    private protected override VersionedData ToVersionedData() => Payload.ToVersionedData();
}
