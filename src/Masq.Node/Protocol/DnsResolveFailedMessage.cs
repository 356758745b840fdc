namespace Masq.Node.Protocol;

/// <summary>Exit → originator: <c>MessageType::DnsResolveFailed</c>.</summary>
internal sealed record DnsResolveFailedMessage(DnsResolveFailure Payload) : MessageType
{
    public override string Variant => "DnsResolveFailed";

    private protected override VersionedData ToVersionedData() => Payload.ToVersionedData();
}
