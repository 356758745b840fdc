namespace Masq.Node.Protocol;

/// <summary>Originator → exit: <c>MessageType::ClientRequest</c>.</summary>
internal sealed record ClientRequestMessage(ClientRequestPayload Payload) : MessageType
{
    public override string Variant => "ClientRequest";

    private protected override VersionedData ToVersionedData() => Payload.ToVersionedData();
}
