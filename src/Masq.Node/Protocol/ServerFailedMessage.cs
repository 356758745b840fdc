namespace Masq.Node.Protocol;

/// <summary>Exit → originator: <c>MessageType::ServerFailed</c> (not in the reference; see <see cref="ServerFailure"/>).</summary>
internal sealed record ServerFailedMessage(ServerFailure Payload) : MessageType
{
    public override string Variant => "ServerFailed";

    private protected override VersionedData ToVersionedData() => Payload.ToVersionedData();
}
